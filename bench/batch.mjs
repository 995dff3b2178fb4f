// Benchmark (not a test) of a batch in the built app: 1,000 and then
// 10,000 generated reports (bench/corpus.mjs) given to the page's file
// input at once, in headless chromium, each on a fresh page (the viewer,
// which loads the workstation on the drop, as a user's first batch does).
// Prints, for each: the time from the drop to the whole summary, the time
// to the first rows, the longest long task of the page's main thread
// (PerformanceObserver 'longtask') and how many took over 50 ms, the
// page's JS heap (CDP Performance.getMetrics) and the renderer's resident
// memory (the page, its workers and their wasm), and how many workers
// checked the files. Judges nothing.
//
//   node bench/batch.mjs [N…]        default: 1000 10000
//   SHOTS=DIR node bench/batch.mjs   also screenshots at 390 and 1280 px, during and after
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, startServer } from '../tests/e2e/harness.mjs';
import { makeCorpus } from './corpus.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];
const SHOTS = process.env.SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

function corpus(n) {
  const dir = `/tmp/nianbao-batch-corpus-${n}`;
  if (!existsSync(dir) || readdirSync(dir).length !== n) makeCorpus(dir, n);
  return readdirSync(dir).sort().map((f) => path.join(dir, f));
}

// Inside the page, before anything runs: long tasks, and when the batch
// first shows rows and when it is done.
const RECORDER = `
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  window.__dropAt = null; window.__firstRowAt = null; window.__doneAt = null;
  document.addEventListener('change', (e) => { if (e.target.type === 'file' && window.__dropAt === null) window.__dropAt = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__firstRowAt === null && document.querySelector('[data-testid="batch-row"]')) window.__firstRowAt = performance.now();
    if (window.__doneAt === null && document.querySelector('[data-testid="batch"][data-done="true"]')) window.__doneAt = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-done'] });
`;

/** Resident memory of this browser's renderer processes (the page and its workers), in MB (Linux). */
function rendererRss() {
  try {
    const procs = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => {
      const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
    });
    // The descendants of this process: our chromium, not another one on the machine.
    const ours = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
    }
    return procs.filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer')).reduce((s, p) => s + p.rss, 0) / 1024;
  } catch {
    return NaN;
  }
}

const server = await startServer();
const browser = await launch();
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

for (const n of SIZES) {
  const files = corpus(n);
  for (const width of SHOTS ? [1280, 390] : [1280]) {
    const page = await newPage(browser, { viewport: width === 390 ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.addInitScript(RECORDER);
    await page.goto(`${server.base}/dist/index.html`);
    await page.waitForSelector('.nb-app[data-live] td[data-pointer="/appeals/review/total"]');
    await page.waitForSelector('#nb-prerender', { state: 'detached' });
    const before = rendererRss();
    await page.setInputFiles('input[type="file"]', files);
    let peakRss = before;
    let shotDuring = !SHOTS;
    for (;;) {
      const done = await page.evaluate(() => window.__doneAt !== null);
      peakRss = Math.max(peakRss, rendererRss());
      if (done) break;
      if (!shotDuring && (await page.locator('[data-testid="batch-progress"]').count())) {
        const checked = Number(await page.getAttribute('[data-testid="batch-progress"]', 'data-checked').catch(() => 0));
        if (checked > 0) {
          await page.screenshot({ path: `${SHOTS}/batch-${n}-${width}-during.png` });
          shotDuring = true;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await page.evaluate(() => ({
      drop: window.__dropAt, first: window.__firstRowAt, done: window.__doneAt,
      long: window.__long.filter((t) => t.at >= window.__dropAt),
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      workers: document.querySelector('[data-testid="batch"]').dataset.workers,
      rows: document.querySelector('[data-testid="batch-totals"]').dataset.total,
    }));
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const longest = r.long.reduce((m, t) => Math.max(m, t.ms), 0);
    console.log(`${n} reports at ${width} px (${r.rows} rows, checked by ${r.workers === '0' ? 'the page itself' : `${r.workers} workers`}):`);
    console.log(`  summary complete ${((r.done - r.drop) / 1000).toFixed(2)} s after the drop; first rows after ${((r.first - r.drop) / 1000).toFixed(2)} s`);
    console.log(`  longest long task ${longest.toFixed(0)} ms; ${r.long.length} long tasks, ${r.long.filter((t) => t.ms > 50).length} over 50 ms, ${r.long.filter((t) => t.ms > 100).length} over 100 ms`);
    console.log(`  JS heap used ${mb(metrics.JSHeapUsedSize)} of ${mb(metrics.JSHeapTotalSize)} (performance.memory: ${r.heap === null ? '—' : mb(r.heap)}); renderer RSS ${before.toFixed(0)} MB before, ${peakRss.toFixed(0)} MB at most, ${rendererRss().toFixed(0)} MB after`);
    if (SHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/batch-${n}-${width}-after.png` });
    }
    await page.context().close();
  }
}
await browser.close();
server.stop();
