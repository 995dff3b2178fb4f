//! PDF reading (being written; not built without the `pdf` feature).
