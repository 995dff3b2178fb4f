// Starts the app. An external module (not an inline script), so the page
// works under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
//
// The page starts the viewer (nianbao-app): the report, its checks, opening
// JSON files. The workstation (nianbao-workstation: editing, settling
// findings, last year's report, batches, importing text and Word files) is
// a second, larger module, loaded the first time one of its tools is used:
// the viewer sends a `nianbao-workstation` event, this loader accepts it,
// loads the workstation, takes what the viewer hands over at that moment
// (the report on screen and everything asked meanwhile), starts the
// workstation beside it and, once the workstation has drawn itself, stops
// the viewer (src/handoff.rs). A draft of unsaved edits starts the
// workstation at once.
import init, { stopApp, takeHandoff } from './nianbao-app.js';

const here = new URL('./', import.meta.url);

function showStartFailure(error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = '年报工具无法启动（' + error + '）。请使用新版浏览器。 Nianbao could not start; please use a current browser.';
  document.body.append(message);
}

function startViewer() {
  return init({ module_or_path: new URL('nianbao-app_bg.wasm', here) }).catch(showStartFailure);
}

// The workstation module, fetched and instantiated once (again after a
// failure: a new address, since some browsers keep a failed import).
let workstation;
let attempts = 0;
function loadWorkstation() {
  workstation ??= import(`./nianbao-workstation.js${attempts++ ? `?retry=${attempts}` : ''}`).then(async (module) => {
    await module.default({ module_or_path: new URL('nianbao-workstation_bg.wasm', here) });
    return module;
  });
  workstation.catch(() => { workstation = undefined; });
  return workstation;
}

// The importer (www/importer-worker.js), started on the first PDF and kept
// for the next. The workstation calls `nianbaoImportFile(bytes, name)`,
// which resolves to the importer's JSON answer. A worker that fails, runs
// out of memory or takes too long is dropped, and the next file gets a
// fresh one: nothing the importer does can leave the page half-alive.
const IMPORT_TIMEOUT_MS = 60000;
let importer = null;
let importSeq = 0;
function importerWorker() {
  if (importer) return importer;
  const worker = new Worker(new URL('importer-worker.js', here), { type: 'module' });
  const pending = new Map();
  const drop = (reason) => {
    worker.terminate();
    if (importer?.worker === worker) importer = null;
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error(reason));
    }
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    clearTimeout(call.timer);
    if ('result' in data) {
      call.resolve(data.result);
    } else {
      // A module that failed once may be broken for good: start afresh.
      call.reject(new Error(data.error));
      drop(data.error);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    drop(event.message || 'the importer stopped');
  };
  importer = { worker, pending, drop };
  return importer;
}
window.nianbaoImportFile = (bytes, name) => new Promise((resolve, reject) => {
  const { worker, pending, drop } = importerWorker();
  const id = ++importSeq;
  const timer = setTimeout(() => drop('timeout'), IMPORT_TIMEOUT_MS);
  pending.set(id, { resolve, reject, timer });
  worker.postMessage({ id, bytes, name });
});

// Drafts that did not fit in LocalStorage (full) are kept in IndexedDB,
// which has far more room: `nianbaoOverflow.put(text)`, `.get()`, `.clear()`
// for the workstation's autosave (src/hooks/use_autosave.rs). Opening the
// database never creates it for a reader who has nothing in it.
const OVERFLOW_DB = 'nianbao';
const OVERFLOW_KEY = 'nianbao.draft';
function overflowDb(create) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = indexedDB.open(OVERFLOW_DB, 1);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => {
      if (create) request.result.createObjectStore('drafts');
      else request.transaction.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
function overflowCall(create, mode, use) {
  return overflowDb(create).then((db) => new Promise((resolve, reject) => {
    const transaction = db.transaction('drafts', mode);
    const request = use(transaction.objectStore('drafts'));
    transaction.oncomplete = () => { db.close(); resolve(request.result); };
    transaction.onerror = transaction.onabort = () => { db.close(); reject(transaction.error); };
  }));
}
window.nianbaoOverflow = {
  put: (text) => overflowCall(true, 'readwrite', (store) => store.put(text, OVERFLOW_KEY)).then(() => true),
  get: () => overflowCall(false, 'readonly', (store) => store.get(OVERFLOW_KEY)).then((v) => (typeof v === 'string' ? v : null), () => null),
  clear: () => overflowCall(false, 'readwrite', (store) => store.delete(OVERFLOW_KEY)).then(() => true, () => true),
};

// How long the workstation may take to draw itself before it counts as failed.
const START_TIMEOUT_MS = 20000;
function started(module, handoff) {
  return Promise.race([
    module.startApp(handoff),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the tools did not start')), START_TIMEOUT_MS)),
  ]);
}

// The page holds a prerendered first screen (the built-in sample, checked, in
// Chinese). A visitor who chose English sees the live app only, not a flash of
// the other language.
let draft = null;
try {
  if (localStorage.getItem('nianbao.lang') === 'en') {
    document.getElementById('nb-prerender')?.remove();
  }
  draft = localStorage.getItem('nianbao.draft');
} catch {
  // Storage may be disabled; the prerendered Chinese page is right then.
}

let handingOver = false;
// Hands the viewer's state to the workstation: on the viewer's request, or
// when a draft waits in IndexedDB. `failed` is told if it cannot start.
async function handOver(failed) {
  // One switch at a time; the viewer queues whatever else is asked meanwhile.
  if (handingOver) return;
  handingOver = true;
  const viewer = new Set(document.querySelectorAll('.nb-page'));
  try {
    const module = await loadWorkstation();
    // The viewer's state as it is now, with everything asked meanwhile.
    await started(module, takeHandoff());
    stopApp();
  } catch (error) {
    handingOver = false;
    // A workstation that did not draw itself leaves its element behind.
    for (const page of document.querySelectorAll('.nb-page')) if (!viewer.has(page)) page.remove();
    failed?.(error);
  }
}
window.addEventListener('nianbao-workstation', (event) => {
  // Accepted: the viewer knows someone is loading the tools.
  event.preventDefault();
  handOver(event.detail?.failed);
});

// A module that panicked is over for good (wasm aborts). Its last act is
// to call nianbaoCrashed; the loader then drops it and starts a fresh
// workstation with the report last on screen (nianbaoRemember) and the
// drafts, and says what happened. Nothing is left half-alive.
let lastReport = null;
window.nianbaoRemember = (handoff) => { lastReport = handoff; };
let recovering = false;
window.nianbaoCrashed = () => {
  if (recovering) return;
  recovering = true;
  // After the panic has finished unwinding out of the dead module.
  setTimeout(async () => {
    for (const page of document.querySelectorAll('.nb-page')) page.remove();
    document.getElementById('nb-prerender')?.remove();
    workstation = undefined;
    handingOver = false;
    const notice = document.createElement('p');
    notice.className = 'nb-crash-notice';
    notice.setAttribute('role', 'alert');
    notice.dataset.testid = 'crash-notice';
    // The technical message is in the console (the module logged it).
    notice.textContent = '年报工具出错，已自动重新启动，并重新打开了页面上的报告；未下载的修改可从草稿恢复。 Nianbao failed and was restarted with the report that was on screen; unsaved edits can be restored from the draft.';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '知道了 OK';
    close.addEventListener('click', () => notice.remove());
    try {
      const fresh = await loadWorkstation();
      await started(fresh, lastReport);
      notice.append(close);
      document.body.prepend(notice);
    } catch (error) {
      notice.textContent = '年报工具出错且无法重新启动，请刷新页面（未下载的修改会以草稿形式保留）。 Nianbao failed and could not restart; reload the page (unsaved edits are kept as a draft).';
      document.body.prepend(notice);
    } finally {
      recovering = false;
    }
  }, 0);
};

if (draft) {
  // Edits saved before the page was closed: the workstation offers them
  // back. If it cannot start, the viewer does (the draft stays for later).
  loadWorkstation().then((module) => started(module, null)).catch((error) => {
    console.error('Nianbao: the tools could not start; the draft is kept.', error);
    for (const page of document.querySelectorAll('.nb-page')) page.remove();
    startViewer();
  });
} else {
  // Edits that overflowed into IndexedDB are offered back as well.
  Promise.all([startViewer(), window.nianbaoOverflow.get()]).then(([, overflow]) => {
    if (overflow && overflow.length > 2) handOver((error) => console.error('Nianbao: the tools could not start; the draft is kept.', error));
  }, () => {});
  // Signs that the user is about to use a tool (a text section about to be
  // edited, a finding about to be settled, last year's report or files
  // about to be picked or dragged in: those who open files are the ones who
  // work on reports) fetch the workstation early, so that it is ready when
  // asked for. A click on a cell is not one: readers click cells to see
  // what is wrong with them.
  const warm = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (event.type === 'dragenter' || target?.closest('.nb-edit-text, .nb-settle, .nb-file, .nb-tool')) {
      for (const type of ['pointerdown', 'focusin', 'dragenter']) removeEventListener(type, warm, true);
      loadWorkstation().catch(() => {});
    }
  };
  for (const type of ['pointerdown', 'focusin', 'dragenter']) addEventListener(type, warm, true);
}
