// Benchmark (not a test) of a batch in the built app: 1,000 and then
// 10,000 generated reports (bench/corpus.mjs) given to the page's file
// input at once, in headless chromium, each on a fresh page (the viewer,
// which loads the workstation on the drop, as a user's first batch does).
// Prints, for each: the time from the drop to the whole summary, the time
// to the first rows, the longest long task of the page's main thread
// (PerformanceObserver 'longtask') and how many took over 50 ms, the
// page's JS heap (CDP Performance.getMetrics) and the renderer's resident
// memory (the page, its workers and their wasm), and how many workers
// checked the files. Then both exports (the summary CSV and the findings
// JSON): from the click to the download, the longest frame gap meanwhile,
// and how many workers made them. Judges nothing.
//
//   node bench/batch.mjs [N…]        default: 1000 10000
//   node bench/batch.mjs --no-workers 1000   the page checking the files itself
//                                    (batch-worker.js blocked: the fallback, as before workers)
//   RUNS=3 node bench/batch.mjs      each size three times (a busy machine varies), then the medians
//   SHOTS=DIR node bench/batch.mjs   also screenshots at 390 and 1280 px, during and after
//   CORES=N node bench/batch.mjs     the page told the machine has N cores (navigator.hardwareConcurrency):
//                                    N workers, to see how the batch goes with fewer or more
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, startServer } from '../tests/e2e/harness.mjs';
import { makeCorpus } from './corpus.mjs';

const NO_WORKERS = process.argv.includes('--no-workers');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];
const SHOTS = process.env.SHOTS;
const RUNS = Math.max(1, Number(process.env.RUNS || 1));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
  window.__dropAt = null; window.__panelAt = null; window.__firstRowAt = null; window.__doneAt = null;
  // The gaps between animation frames while the batch runs: a pause of the
  // main thread shows as a gap longer than a frame (16.7 ms), even one too
  // short to be a long task.
  window.__gaps = [];
  let last = null;
  const frame = (t) => {
    if (window.__dropAt !== null && window.__doneAt === null && last !== null) window.__gaps.push({ at: last, ms: t - last });
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('change', (e) => { if (e.target.type === 'file' && window.__dropAt === null) window.__dropAt = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__panelAt === null && document.querySelector('[data-testid="batch"]')) window.__panelAt = performance.now();
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
  const figures = [];
  for (const width of (SHOTS ? [1280, 390] : [1280]).flatMap((w) => Array(RUNS).fill(w))) {
    const page = await newPage(browser, { viewport: width === 390 ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.addInitScript(RECORDER);
    if (process.env.CORES) {
      await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${Number(process.env.CORES)} });`);
    }
    if (NO_WORKERS) await page.route('**/batch-worker.js', (route) => route.abort());
    await page.goto(`${server.base}/dist/index.html`);
    await page.waitForSelector('.nb-app[data-live] td[data-pointer="/appeals/review/total"]');
    await page.waitForSelector('#nb-prerender', { state: 'detached' });
    const before = rendererRss();
    await page.setInputFiles('input[type="file"]', files);
    let peakRss = before;
    // The wasm memories (they only grow): the workstation's on the page, and
    // each batch worker's, the most seen while the batch ran (the workers
    // end with it).
    const memoryOf = async () => {
      try {
        const module = await import('./nianbao-workstation.js');
        return (await module.default()).memory.buffer.byteLength;
      } catch {
        return null;
      }
    };
    let workerWasm = 0;
    let shotDuring = !SHOTS;
    for (;;) {
      const done = await page.evaluate(() => window.__doneAt !== null);
      peakRss = Math.max(peakRss, rendererRss());
      for (const w of page.workers()) workerWasm = Math.max(workerWasm, (await w.evaluate(memoryOf).catch(() => null)) ?? 0);
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
      drop: window.__dropAt, panel: window.__panelAt, first: window.__firstRowAt, done: window.__doneAt,
      long: window.__long.filter((t) => t.at >= window.__dropAt),
      gaps: window.__gaps,
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      workers: document.querySelector('[data-testid="batch"]').dataset.workers,
      rows: document.querySelector('[data-testid="batch-totals"]').dataset.total,
    }));
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasm = await page.evaluate(memoryOf);

    // Two phases: loading and starting the workstation (from the drop to the
    // batch's panel), then checking (from the panel to the whole summary).
    const checking = (t) => t.at >= r.panel;
    const longestOf = (xs) => xs.reduce((m, t) => Math.max(m, t.ms), 0);
    const longest = longestOf(r.long.filter(checking));
    const gaps = r.gaps.filter(checking).map((g) => g.ms).sort((a, b) => a - b);
    const gap = gaps.at(-1) ?? 0;
    figures.push({ s: (r.done - r.drop) / 1000, longest, gap, heap: metrics.JSHeapUsedSize, rss: peakRss });
    console.log(`${n} reports at ${width} px (${r.rows} rows, checked by ${r.workers === '0' ? 'the page itself' : `${r.workers} workers`}):`);
    console.log(`  summary complete ${((r.done - r.drop) / 1000).toFixed(2)} s after the drop: the workstation loaded and started by ${((r.panel - r.drop) / 1000).toFixed(2)} s, first rows at ${((r.first - r.drop) / 1000).toFixed(2)} s`);
    console.log(`  while loading the workstation: longest long task ${longestOf(r.long.filter((t) => !checking(t))).toFixed(0)} ms, longest frame gap ${longestOf(r.gaps.filter((t) => !checking(t))).toFixed(0)} ms`);
    console.log(`  while checking: longest long task ${longest.toFixed(0)} ms (${r.long.filter(checking).length} long tasks); ${gaps.length} frames, longest gap ${gap.toFixed(0)} ms, 99th percentile ${(gaps[Math.floor(gaps.length * 0.99)] ?? 0).toFixed(0)} ms, ${gaps.filter((g) => g > 17.5).length} over one frame`);
    const tasks = r.long.filter(checking);
    if (tasks.length) console.log(`  the long tasks while checking, at (s after the drop): ${tasks.map((t) => `${((t.at - r.drop) / 1000).toFixed(2)} (${t.ms.toFixed(0)} ms)`).join(', ')}; the summary was complete at ${((r.done - r.drop) / 1000).toFixed(2)}`);
    const after = rendererRss();
    // What of it is garbage not yet collected (the files' bytes, read and
    // handed over, are ArrayBuffers outside the JS heap's count).
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((r) => setTimeout(r, 500));
    const wasmMb = (bytes) => (bytes === null ? '—' : mb(bytes));
    console.log(`  wasm memory: the page's workstation ${wasmMb(wasm)}, a batch worker's at most ${workerWasm ? mb(workerWasm) : '—'}`);
    console.log(`  JS heap used ${mb(metrics.JSHeapUsedSize)} of ${mb(metrics.JSHeapTotalSize)} (performance.memory: ${r.heap === null ? '—' : mb(r.heap)}); renderer RSS ${before.toFixed(0)} MB before, ${peakRss.toFixed(0)} MB at most, ${after.toFixed(0)} MB after, ${rendererRss().toFixed(0)} MB after a garbage collection`);
    if (SHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/batch-${n}-${width}-after.png` });
    }
    for (const [what, label] of [['summary CSV', '导出汇总 CSV'], ['findings JSON', '导出全部结果 JSON']]) {
      await page.evaluate(() => {
        window.__exportWorkers = 0;
        window.__exportGaps = [];
        window.__exportAt = performance.now();
        let last = null;
        const frame = (t) => {
          if (window.__exportAt === null) return;
          if (last !== null) window.__exportGaps.push(t - last);
          last = t;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        new MutationObserver(() => {
          const p = document.querySelector('[data-testid="batch-exporting"]');
          if (p) window.__exportWorkers = Math.max(window.__exportWorkers, Number(p.dataset.workers));
        }).observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      const start = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300000 }), page.click(`.nb-batch-actions button:has-text("${label}")`)]);
      const seconds = (Date.now() - start) / 1000;
      const bytes = execFileSync('stat', ['-c', '%s', await download.path()], { encoding: 'utf8' }).trim();
      const e = await page.evaluate(() => {
        window.__exportAt = null;
        return { gap: Math.max(0, ...window.__exportGaps), workers: window.__exportWorkers };
      });
      console.log(`  export ${what}: ${seconds.toFixed(2)} s from the click to the download (${mb(Number(bytes))}), made by ${e.workers ? `${e.workers} workers` : 'the page itself'}, longest frame gap ${e.gap.toFixed(0)} ms`);
    }
    await page.context().close();
  }
  if (figures.length > 1) {
    console.log(`${n} reports, median of ${figures.length}: ${median(figures.map((f) => f.s)).toFixed(2)} s to the summary, while checking longest long task ${median(figures.map((f) => f.longest)).toFixed(0)} ms and longest frame gap ${median(figures.map((f) => f.gap)).toFixed(0)} ms, JS heap ${mb(median(figures.map((f) => f.heap)))}, renderer RSS at most ${median(figures.map((f) => f.rss)).toFixed(0)} MB`);
  }
}
await browser.close();
server.stop();
