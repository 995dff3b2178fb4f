// A batch of reports checked off the page (src/io/batch.rs): this worker
// runs the workstation module (nianbao-workstation) and, for each message
// ({ start, files: [File…], today, module }), reads the files, checks each and
// answers with one row per file ({ start, rows: [row JSON…] }): the counts
// and the words the batch's summary shows, never the document. A module
// that cannot start, or fails, answers { start, error }; the page then
// checks the rest itself.
import init, { batchReadError, checkBatchFile } from './nianbao-workstation.js';

// The page sends its own compiled module (WebAssembly.Module), so that no
// worker fetches or compiles it again; without one, the worker fetches it.
let ready = null;

const text = (error) => String(error?.message ?? error);

// The files' bytes: one read of them joined, which browsers do much faster
// than a read per file; a file that spoils it is read alone.
async function read(files) {
  try {
    const all = await new Blob(files).arrayBuffer();
    let at = 0;
    return files.map((file) => {
      const bytes = new Uint8Array(all, at, file.size);
      at += file.size;
      return { bytes };
    });
  } catch {
    return Promise.all(files.map((file) => file.arrayBuffer().then(
      (buffer) => ({ bytes: new Uint8Array(buffer) }),
      (error) => ({ error: text(error) }),
    )));
  }
}

self.onmessage = async ({ data }) => {
  const { start, files, today, module } = data;
  try {
    ready ??= init({ module_or_path: module ?? new URL('nianbao-workstation_bg.wasm', import.meta.url) });
    await ready;
    const read_ = await read(files);
    const rows = read_.map(({ bytes, error }, i) => (error === undefined
      ? checkBatchFile(bytes, files[i].name, today)
      : batchReadError(files[i].name, error, today)));
    self.postMessage({ start, rows });
  } catch (error) {
    self.postMessage({ start, error: text(error) });
  }
};
