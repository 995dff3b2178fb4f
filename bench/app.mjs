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
console.log(`release .wasm: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
console.log(`JS glue:       ${kb(js.length)} raw, ${kb(gzipSync(js, { level: 9 }).length)} gzipped`);
console.log(`CSS:           ${kb(statSync(cssPath).size)} raw, ${kb(gzipSync(readFileSync(cssPath), { level: 9 }).length)} gzipped`);

const server = await startServer();
const browser = await launch();

// Records, inside the page, when the last table's last cell first exists.
const RECORDER = `
  window.__tablesAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('td[data-pointer="/appeals/litigation_after_review/total"]') && document.querySelector('[data-testid="summary"]')) {
      window.__tablesAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
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

async function timeToTables(url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.addInitScript(RECORDER);
    await page.goto(url);
    await page.waitForFunction(() => window.__tablesAt !== null);
    times.push(await page.evaluate(() => window.__tablesAt));
    await page.context().close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const app = await timeToTables(`${server.base}/dist/index.html`);
const plain = await timeToTables(`${server.base}/bench/static-sample.html`);
console.log(`navigation → validated tables on screen (median of ${RUNS}): app ${app.toFixed(1)} ms, static HTML ${plain.toFixed(1)} ms, ratio ${(app / plain).toFixed(2)}×`);

await browser.close();
server.stop();
