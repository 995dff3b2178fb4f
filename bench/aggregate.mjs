// Benchmark (not a test) of the checks across files in the built app: one
// county's report and N departments' reports of its year (copies of two
// samples, each department with its own name) dropped at once, in headless
// chromium. Prints the time from the drop to the aggregate check on screen
// and the three longest tasks of the page meanwhile (the first is the
// workstation starting; the last, near the end, the aggregate check's step).
// Judges nothing.
//
//   node bench/aggregate.mjs [N]     default 2000, twice
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, launch, newPage, startServer } from '../tests/e2e/harness.mjs';
const N = Number(process.argv[2] || 2000);
const dir = path.join(tmpdir(), `nianbao-aggregate-corpus-${N}`);
if (!existsSync(dir)) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'county.json'), readFileSync(path.join(ROOT, 'samples/hongze-district-2024.json')));
  const dept = JSON.parse(readFileSync(path.join(ROOT, 'samples/jiyuan-hitech-zone-2024.json'), 'utf8'));
  for (let i = 0; i < N; i++) {
    dept.agency = `某某局${i}`;
    writeFileSync(path.join(dir, `dept-${String(i).padStart(5, '0')}.json`), JSON.stringify(dept));
  }
}
const files = [path.join(dir, 'county.json'), ...Array.from({ length: N }, (_, i) => path.join(dir, `dept-${String(i).padStart(5, '0')}.json`))];
const server = await startServer();
const browser = await launch();
for (let run = 0; run < 2; run++) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });`);
  await page.goto(`${server.base}/dist/index.html`);
  await page.waitForSelector('.nb-app[data-live] td[data-pointer="/appeals/review/total"]');
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('input[type="file"]', files);
  await page.waitForSelector('[data-testid="batch"][data-done="true"]');
  await page.waitForSelector('[data-testid="aggregate"]', { timeout: 60000 });
  const t1 = await page.evaluate(() => performance.now());
  const long = await page.evaluate(() => window.__long);
  const top = long.filter((l) => l.at > t0).sort((a, b) => b.ms - a.ms).slice(0, 3).map((l) => `${l.ms.toFixed(0)} ms at ${((l.at - t0) / 1000).toFixed(2)} s`);
  console.log(`${N} subordinates: aggregate on screen ${((t1 - t0) / 1000).toFixed(2)} s after the drop; longest tasks: ${top.join(', ')}`);
  await page.context().close();
}
await browser.close();
process.exit(0);
