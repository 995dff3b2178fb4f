// Nianbao for host pages: the <nianbao-report> element and the versioned
// JavaScript API `Nianbao.v1`. Load it as a module from the folder that holds
// the built app (nianbao-app.js, nianbao-app_bg.wasm, nianbao.css):
//
//   <script type="module" src="/nianbao/nianbao-embed.js"></script>
//   <nianbao-report src="report.json" lang="zh" view="tables"></nianbao-report>
//
// Reports render inside a shadow root: the host page's CSS does not reach
// them and theirs does not leak out. Hosts theme them through the custom
// properties documented in the README (--nb-color-*, --nb-font-family,
// --nb-font-size), set on the element or an ancestor.
import init, { mountReport, validateJson } from './nianbao-app.js';

const base = new URL('./', import.meta.url);
const stylesheet = new URL('nianbao.css', base).href;
const ready = init({ module_or_path: new URL('nianbao-app_bg.wasm', base) });

function reportText(report) {
  if (report === undefined || report === null) return null;
  return typeof report === 'string' ? report : JSON.stringify(report);
}

/**
 * Mounts a report into `element`.
 * options: { src?: URL of the report's JSON, report?: its JSON (text or object),
 *            lang?: 'zh' | 'en', view?: 'full' | 'tables' | 'check',
 *            title?: false to leave the report's title out (the host page has its own),
 *            exports?: true to offer the tables' CSV downloads }
 * Resolves to a handle: { load(srcOrReport), setLang(lang), setView(view), setParts({ title, exports }), destroy() }.
 * The element receives a `nianbao-validated` event ({ summary, diagnostics }) each time
 * a report is checked.
 */
async function mount(element, options = {}) {
  await ready;
  const handle = mountReport(
    element,
    stylesheet,
    options.lang ?? 'zh',
    options.view ?? 'full',
    options.src ?? null,
    reportText(options.report),
    options.title !== false,
    options.exports === true,
  );
  let destroyed = false;
  return Object.freeze({
    load(source) {
      if (destroyed) return;
      if (typeof source === 'string' && !source.trim().startsWith('{')) handle.load(source, true);
      else handle.load(reportText(source) ?? '', false);
    },
    setLang(lang) { if (!destroyed) handle.setLang(lang); },
    setView(view) { if (!destroyed) handle.setView(view); },
    setParts({ title = true, exports = false } = {}) { if (!destroyed) handle.setParts(title !== false, exports === true); },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      handle.destroy();
      handle.free();
    },
  });
}

/**
 * Checks a report without showing it. Resolves to the output shape of the
 * rule catalogue: { summary, diagnostics }.
 * options: { previous?: last year's report (text or object), lang?: 'zh' | 'en' }
 */
async function validate(report, options = {}) {
  await ready;
  return JSON.parse(validateJson(reportText(report) ?? '', reportText(options.previous), options.lang ?? 'zh'));
}

class NianbaoReport extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'view', 'no-title', 'exports'];

  #handle = null;
  #mounting = null;

  connectedCallback() {
    if (this.#mounting) return;
    const inline = this.querySelector('script[type="application/json"]')?.textContent ?? null;
    this.#mounting = mount(this, {
      src: this.getAttribute('src'),
      report: this.getAttribute('src') ? null : inline,
      lang: this.getAttribute('lang') ?? 'zh',
      view: this.getAttribute('view') ?? 'full',
      title: !this.hasAttribute('no-title'),
      exports: this.hasAttribute('exports'),
    }).then((handle) => {
      this.#handle = handle;
      return handle;
    });
  }

  disconnectedCallback() {
    const mounting = this.#mounting;
    this.#mounting = null;
    mounting?.then((handle) => handle.destroy());
    this.#handle = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.#mounting) return;
    this.#mounting.then((handle) => {
      if (name === 'src' && value) handle.load(value);
      if (name === 'lang') handle.setLang(value ?? 'zh');
      if (name === 'view') handle.setView(value ?? 'full');
      if (name === 'no-title' || name === 'exports') {
        handle.setParts({ title: !this.hasAttribute('no-title'), exports: this.hasAttribute('exports') });
      }
    });
  }
}

if (!customElements.get('nianbao-report')) customElements.define('nianbao-report', NianbaoReport);

const api = Object.freeze({ version: '1', mount, validate, ready: ready.then(() => undefined) });
window.Nianbao = Object.freeze({ ...(window.Nianbao ?? {}), v1: api });
export default api;
