// A batch of reports checked off the page (src/io/batch.rs): this worker
// runs the workstation module (nianbao-workstation). The page first sends
// its compiled module ({ module }), so that no worker fetches or compiles it
// again; then chunks of files it has read, the bytes handed over rather
// than copied: { start, names, parts } (each file's bytes, or why it could
// not be read; the page sends this since decision 133), or { start, names,
// buffer, sizes } (the files joined, each its size), and `today`. The worker checks each file and answers with one
// row per file ({ start, rows: [row JSON…] }): the counts and the words the
// batch's summary shows, never the document. For an export ({ export:
// 'summary' | 'findings', lang } in the chunk), each file's piece of it
// instead ({ start, pieces: [text, or undefined for a PDF or a file not read…] }), made as the
// page makes it. A module that cannot start,
// or fails, answers { start, error }; the page then checks the rest itself.
import init, { batchReadError, checkBatchFile, exportBatchFile } from './nianbao-workstation.js';

let ready = null;
const start = (module) => {
  ready ??= init({ module_or_path: module ?? new URL('nianbao-workstation_bg.wasm', import.meta.url) });
  return ready;
};

const text = (error) => String(error?.message ?? error);

/** Each file's bytes (a Uint8Array) or why it could not be read (a string). */
function files({ buffer, sizes, parts }) {
  if (parts) return parts.map((part) => (typeof part === 'string' ? part : new Uint8Array(part)));
  let at = 0;
  return sizes.map((size) => {
    const bytes = new Uint8Array(buffer, at, size);
    at += size;
    return bytes;
  });
}

self.onmessage = async ({ data }) => {
  if (data.module) {
    start(data.module).catch(() => {});
    return;
  }
  const { names, today } = data;
  try {
    await start();
    if (data.export) {
      const { export: what, lang } = data;
      // A file the page could not read is left to the page (undefined), as a PDF is.
      const pieces = files(data).map((read, i) => (typeof read === 'string'
        ? undefined
        : exportBatchFile(read, names[i], today, what, lang)));
      self.postMessage({ start: data.start, pieces });
      return;
    }
    const rows = files(data).map((read, i) => (typeof read === 'string'
      ? batchReadError(names[i], read, today)
      : checkBatchFile(read, names[i], today)));
    self.postMessage({ start: data.start, rows });
  } catch (error) {
    self.postMessage({ start: data.start, error: text(error) });
  }
};
