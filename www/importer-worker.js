// The importer module (nianbao-importer: PDF, Word, web pages and text to
// the report format) in a Web Worker of its own: a PDF being read never
// holds up the page, and a file that makes the module fail costs only this
// worker, which boot.js then drops and starts afresh. One message in
// ({ id, bytes, name }), one out ({ id, result } or { id, error }).
import init, { importFile } from './nianbao-importer.js';

const ready = init({ module_or_path: new URL('nianbao-importer_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, bytes, name } = data;
  try {
    await ready;
    self.postMessage({ id, result: importFile(bytes, name ?? undefined) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
