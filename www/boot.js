// Starts the app. An external module (not an inline script), so the page
// works under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
//
// The page starts the viewer (nianbao-app): the report, its checks, opening
// JSON files. The workstation (nianbao-workstation: editing, settling
// findings, last year's report, batches, importing text and Word files) is
// a second, larger module, loaded the first time one of its tools is used:
// the viewer then sends a `nianbao-workstation` event carrying the report on
// screen and what the user asked for (src/handoff.rs), and the workstation
// takes its place. A draft of unsaved edits starts the workstation at once.
import init, { stopApp } from './nianbao-app.js';

const here = new URL('./', import.meta.url);

function showStartFailure(error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = '年报工具无法启动（' + error + '）。请使用新版浏览器。 Nianbao could not start; please use a current browser.';
  document.body.append(message);
}

function startViewer() {
  init({ module_or_path: new URL('nianbao-app_bg.wasm', here) }).catch(showStartFailure);
}

// The workstation module, fetched and instantiated once (again after a failure).
let workstation;
function loadWorkstation() {
  workstation ??= import('./nianbao-workstation.js').then(async (module) => {
    await module.default({ module_or_path: new URL('nianbao-workstation_bg.wasm', here) });
    return module;
  });
  workstation.catch(() => { workstation = undefined; });
  return workstation;
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
window.addEventListener('nianbao-workstation', async (event) => {
  const handoff = event.detail;
  // One handoff at a time: the first request is carried out.
  if (handingOver) return;
  handingOver = true;
  try {
    const module = await loadWorkstation();
    // Start the workstation, then remove the viewer, in one task: nothing
    // is painted in between, and if the workstation cannot start the viewer
    // is still there.
    module.startApp(handoff);
    stopApp();
  } catch (error) {
    handingOver = false;
    handoff?.failed?.(error);
  }
});

if (draft) {
  // Edits saved before the page was closed: the workstation offers them back.
  loadWorkstation().then((module) => module.startApp(null), startViewer);
} else {
  startViewer();
  // Signs that the user is about to use a tool (a cell or a text section
  // about to be edited, a finding about to be settled, files about to be
  // picked or dragged in: those who open files are the ones who work on
  // reports) fetch the workstation early, so that it is ready when asked for.
  const warm = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (event.type === 'dragenter' || target?.closest('.nb-v, .nb-edit-text, .nb-settle, .nb-file, .nb-tool')) {
      for (const type of ['pointerdown', 'focusin', 'dragenter']) removeEventListener(type, warm, true);
      loadWorkstation().catch(() => {});
    }
  };
  for (const type of ['pointerdown', 'focusin', 'dragenter']) addEventListener(type, warm, true);
}
