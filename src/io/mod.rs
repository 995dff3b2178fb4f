//! Every piece of IO the app does, as plain functions: the clock, files,
//! the network, downloads, the importer module, opening what the user hands
//! over. Components and the reducer stay pure; `hooks/` ties these to a
//! component's life.

#[cfg(feature = "workstation")]
pub mod batch;
pub mod clock;
pub mod download;
pub mod events;
pub mod fetch;
pub mod files;
#[cfg(feature = "workstation")]
pub mod importer;
pub mod lang;
pub mod open;
#[cfg(feature = "workstation")]
pub mod pause;
#[cfg(feature = "workstation")]
pub mod print;
