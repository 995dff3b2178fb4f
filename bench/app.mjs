// Benchmark (not a test) of the built app: the release .wasm size, raw and
// gzipped, and the time from navigation to the validated tables on screen in
// headless chromium, beside the same time for a static HTML page of the same
// tables (bench/static-sample.html, made once from the app's own rendering by
// `node bench/app.mjs --make-static`). Prints figures; judges nothing.
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, startServer, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS || 15);
const wasmPath = path.join(ROOT, 'dist/nianbao-app_bg.wasm');
const jsPath = path.join(ROOT, 'dist/nianbao-app.js');
const cssPath = path.join(ROOT, 'dist/nianbao.css');
const staticPath = path.join(ROOT, 'bench/static-sample.html');

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const wasm = readFileSync(wasmPath);
const js = readFileSync(jsPath);
console.log(`release .wasm (the viewer, what every visitor loads): ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
console.log(`JS glue:       ${kb(js.length)} raw, ${kb(gzipSync(js, { level: 9 }).length)} gzipped`);
const workstation = readFileSync(path.join(ROOT, 'dist/nianbao-workstation_bg.wasm'));
console.log(`workstation .wasm (loaded on first use of a tool): ${kb(workstation.length)} raw, ${kb(gzipSync(workstation, { level: 9 }).length)} gzipped`);
console.log(`CSS:           ${kb(statSync(cssPath).size)} raw, ${kb(gzipSync(readFileSync(cssPath), { level: 9 }).length)} gzipped`);

const standalone = readFileSync(path.join(ROOT, 'dist/nianbao-standalone.html'));
const appGzip = gzipSync(wasm, { level: 9 }).length + gzipSync(js, { level: 9 }).length + gzipSync(readFileSync(cssPath), { level: 9 }).length;
const standaloneGzip = gzipSync(standalone, { level: 9 }).length;
// The single file carries the workstation; compared with the viewer's app.
console.log(`single file:   ${kb(standalone.length)} raw, ${kb(standaloneGzip)} gzipped = ${(standaloneGzip / appGzip).toFixed(2)}× the gzipped app (wasm + JS + CSS, ${kb(appGzip)})`);

const server = await startServer();
const browser = await launch();

// Records, inside the page, when the last table's last cell first exists.
const RECORDER = `
  window.__tablesAt = null;
  window.__liveAt = null;
  new MutationObserver((_, observer) => {
    if (window.__tablesAt === null && document.querySelector('td[data-pointer="/appeals/litigation_after_review/total"]') && document.querySelector('[data-testid="summary"]')) {
      window.__tablesAt = performance.now();
    }
    if (window.__liveAt === null && document.querySelector('.nb-app[data-live]')) {
      window.__liveAt = performance.now();
    }
    if (window.__tablesAt !== null && (window.__liveAt !== null || !document.querySelector('script[src]'))) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-live'] });
`;

if (process.argv.includes('--make-static')) {
  const page = await newPage(browser);
  await page.goto(`${server.base}/dist/index.html`);
  await page.waitForSelector('td[data-pointer="/appeals/litigation_after_review/total"]');
  const body = await page.$eval('body', (b) => b.innerHTML.replace(/<script[\s\S]*?<\/script>/g, ''));
  const html = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>static sample</title><link rel="stylesheet" href="../dist/nianbao.css"></head><body>${body}</body></html>\n`;
  writeFileSync(staticPath, html);
  console.log(`wrote ${staticPath}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeToTables(url, live) {
  const tables = [];
  const lives = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.addInitScript(RECORDER);
    await page.goto(url);
    await page.waitForFunction(() => window.__tablesAt !== null);
    if (live) await page.waitForFunction(() => window.__liveAt !== null);
    tables.push(await page.evaluate(() => window.__tablesAt));
    lives.push(await page.evaluate(() => window.__liveAt));
    await page.context().close();
  }
  return { tables: median(tables), live: median(lives) };
}

const app = await timeToTables(`${server.base}/dist/index.html`, true);
const plain = await timeToTables(`${server.base}/bench/static-sample.html`, false);
console.log(`navigation → validated tables on screen (median of ${RUNS}): app ${app.tables.toFixed(1)} ms, static HTML ${plain.tables.toFixed(1)} ms, ratio ${(app.tables / plain.tables).toFixed(2)}×`);
console.log(`navigation → live app (wasm loaded, tables interactive): ${app.live.toFixed(1)} ms`);

// Import speed in the browser: a 20-page report's text (淮安's narrative
// repeated to 20,000 characters, its tables as printed) pasted into the live app,
// timed from the paste to the imported, validated tables on screen.
{
  const huaian = readFileSync(path.join(ROOT, 'samples/huaian-city-2024.txt'), 'utf8');
  const cut = huaian.indexOf('二、主动公开政府信息情况');
  const head = huaian.slice(0, cut);
  const narrative = head.split('\n').slice(12).join('\n') + '\n';
  let text = head;
  // About 1,000 characters a printed page: 20 pages.
  while (text.length < 20_000) text += narrative;
  text += huaian.slice(cut);
  // The first paste in a page also loads the workstation (the viewer reads
  // JSON only); the second is the import alone.
  const first = [];
  const again = [];
  const paste = (page) => page.evaluate(async (content) => {
    const before = document.querySelector('[data-testid="import-notes"]');
    const start = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', content);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    for (;;) {
      const notes = document.querySelector('[data-testid="import-notes"]');
      if (notes && notes !== before) break;
      await new Promise((r) => setTimeout(r, 0));
    }
    return performance.now() - start;
  }, text);
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.goto(`${server.base}/dist/index.html`);
    await page.waitForSelector('.nb-app[data-live]');
    first.push(await paste(page));
    // Another report in between, so that the second paste replaces it.
    await page.setInputFiles('input[type="file"]', path.join(ROOT, 'samples/hongze-district-2024.json'));
    await page.waitForSelector('[data-testid="import-notes"]', { state: 'detached' });
    again.push(await paste(page));
    await page.context().close();
  }
  const times = again;
  console.log(`paste a 20-page report's text, first time in the page (loading the workstation too), median of ${RUNS}: ${median(first).toFixed(1)} ms`);
  console.log(`paste a 20-page report's text (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB) → imported, validated tables on screen (median of ${RUNS}): ${median(times).toFixed(1)} ms`);
}

// Many reports: 1,000 files dropped at once, from the pick to the summary
// table complete; and how long the page could not answer meanwhile (the
// longest gap between animation frames).
{
  const page = await newPage(browser);
  await page.goto(`${server.base}/dist/index.html`);
  await page.waitForSelector('.nb-app[data-live]');
  const names = ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];
  const texts = names.map((n) => readFileSync(path.join(ROOT, `samples/${n}.json`)));
  const files = Array.from({ length: 1000 }, (_, i) => ({ name: `report-${i}.json`, mimeType: 'application/json', buffer: texts[i % 4] }));
  // Timed in the page, from the input's change event (when the browser hands
  // the files over) to the complete summary; Playwright's own transfer of
  // 10 MB of files into the page is not the app's time.
  await page.evaluate(() => {
    window.__gaps = [];
    window.__t1 = 0;
    window.__tb = 0;
    document.querySelector('input[type="file"]').addEventListener('change', () => {
      window.__t0 = performance.now();
      let last = window.__t0;
      const tick = (t) => { window.__gaps.push([last, t - last]); last = t; if (!window.__t1) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    }, { capture: true });
    new MutationObserver(() => {
      if (!window.__tb && document.querySelector('[data-testid="batch"]')) window.__tb = performance.now();
      if (!window.__t1 && document.querySelector('.nb-batch-actions')) window.__t1 = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.setInputFiles('input[type="file"]', files);
  await page.waitForSelector('[data-testid="batch"] .nb-batch-actions', { timeout: 60_000 });
  const r = await page.evaluate(() => {
    const during = (from, to) => Math.max(0, ...window.__gaps.filter(([at]) => at >= from && at < to).map(([, gap]) => gap));
    return {
      handoff: window.__tb - window.__t0,
      batch: window.__t1 - window.__tb,
      total: window.__t1 - window.__t0,
      handoffGap: during(window.__t0 - 1, window.__tb),
      batchGap: during(window.__tb, window.__t1),
    };
  });
  const rows = await page.locator('[data-testid="batch-row"]').count();
  console.log(`1,000 reports picked → parsed, validated, summarised (first ${rows} rows shown): ${r.total.toFixed(0)} ms = ${r.handoff.toFixed(0)} ms loading the workstation and handing them over + ${r.batch.toFixed(0)} ms checking them; longest pause of the page: ${r.batchGap.toFixed(0)} ms while checking, ${r.handoffGap.toFixed(0)} ms while the workstation starts`);
  await page.context().close();
}

// Edit latency: keystrokes in a cell of 淮安 2024, from the input event to
// the re-checked findings in the page (seen by a MutationObserver, which runs
// right after Yew's render). A frame goes by between keystrokes, as when
// typing. (Timing to a setTimeout instead would add the browser's 4 ms clamp
// on nested timers, and any frame that happens to be drawn meanwhile.)
{
  const page = await newPage(browser);
  await page.goto(`${server.base}/dist/index.html`);
  await page.waitForSelector('.nb-app[data-live]');
  await page.setInputFiles('input[type="file"]', path.join(ROOT, 'samples/huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  // The first edit loads the workstation; the keystrokes are timed in it.
  await page.dblclick('td[data-pointer="/applications/received/commercial"]');
  await page.waitForSelector('input.nb-cell-input');
  const times = await page.evaluate(async () => {
    const input = document.querySelector('input.nb-cell-input');
    const finding = () => document.querySelector('li[data-rule="t3-row-total"]')?.textContent ?? '';
    const out = [];
    for (let i = 0; i < 300; i++) {
      // 60–66: never the published 53, so the row total is always off.
      const value = String(60 + (i % 7));
      const start = performance.now();
      const updated = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (finding().includes(`商业企业 ${value}`)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`the findings did not update for ${value}`)), 2000);
      });
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      out.push((await updated) - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  });
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`edit latency on 淮安 2024, keystroke → re-checked findings in the page (${times.length} keystrokes): median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  await page.context().close();
}

// A PDF picked → checked tables on screen: the first PDF of a visit (which
// loads the workstation and the importer module), and the next one (the
// module already loaded).
{
  const importer = readFileSync(path.join(ROOT, 'dist/nianbao-importer_bg.wasm'));
  console.log(`importer .wasm with the PDF reader (loaded on the first PDF, in a worker): ${kb(importer.length)} raw, ${kb(gzipSync(importer, { level: 9 }).length)} gzipped`);
  const pdf = path.join(ROOT, 'samples/huaian-city-2024.pdf');
  const open = async (page, file, agency) => {
    const start = Date.now();
    await page.setInputFiles('input[type="file"]', file);
    await page.waitForFunction((a) => document.querySelector('h1')?.textContent.includes(a), agency, { timeout: 30000 });
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30000 });
    return Date.now() - start;
  };
  const first = [];
  const again = [];
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    const page = await newPage(browser);
    await page.goto(`${server.base}/dist/index.html`);
    await page.waitForSelector('.nb-app[data-live]');
    first.push(await open(page, pdf, '淮安'));
    await page.setInputFiles('input[type="file"]', path.join(ROOT, 'samples/hongze-district-2024.json'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
    again.push(await open(page, pdf, '淮安'));
    await page.context().close();
  }
  console.log(`the 6-page 淮安 PDF picked → imported, checked tables on screen: first PDF of the visit ${median(first)} ms (loading the workstation and the importer), next PDF ${median(again)} ms (median of ${first.length})`);
}

await browser.close();
server.stop();
