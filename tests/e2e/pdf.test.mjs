// End to end: PDFs opened in the browser. The importer module (with the PDF
// reader) runs in a worker that boot.js starts on the first PDF; the viewer
// and the workstation never carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { cell, newPage, openApp, sample, screenshot, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

test('the real 淮安 2024 PDF opens with every checked number in its cell and its notes beside it', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openApp(page, server.base);
  assert.ok(!requests.some((p) => p.includes('importer')), 'no importer before a PDF');
  assert.match(await page.getAttribute('input[type="file"]', 'accept'), /\.pdf/);
  const started = Date.now();
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.pdf'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'), null, { timeout: 30000 });
  const elapsed = Date.now() - started;
  assert.equal(await cell(page, '/applications/received/total'), '3119');
  assert.equal(await cell(page, '/applications/results/total/total'), '3050');
  assert.equal(await cell(page, '/appeals/review/total'), '351');
  assert.equal(await cell(page, '/proactive/licensing/decisions'), '447228');
  assert.match(await page.textContent('[data-testid="summary"]'), /未发现问题/);
  const summary = await page.textContent('[data-testid="import-summary"]');
  assert.match(summary, /每一格都已读取/);
  assert.ok(requests.some((p) => p.endsWith('nianbao-importer_bg.wasm')), 'the importer was loaded');
  // The download carries the import record.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="import-notes"] button')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.import.from, 'pdf');
  assert.equal(saved.applications.received.total, 3119);
  await screenshot(page, '20-pdf-imported');
  // Reopened later (in a new visit, by the viewer), the report still says
  // it was imported and how completely.
  const again = await newPage(browser);
  await openApp(again, server.base);
  await again.setInputFiles('input[type="file"]', await download.path());
  await again.waitForSelector('[data-testid="import-summary"]');
  assert.match(await again.textContent('[data-testid="import-summary"]'), /每一格都已读取/);
  assert.equal(await cell(again, '/appeals/review/total'), '351');
  await again.context().close();
  console.log(`PDF picked → checked tables on screen: ${elapsed} ms (including loading the workstation and the importer)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a damaged PDF gets a clear message, the report stays, and the next PDF opens', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const pdf = readFileSync(sample('huaian-city-2024.pdf'));
  await page.setInputFiles('input[type="file"]', { name: 'half.pdf', mimeType: 'application/pdf', buffer: pdf.subarray(0, 200) });
  await page.waitForSelector('.nb-failure');
  const message = await page.textContent('.nb-failure');
  assert.match(message, /half\.pdf/);
  assert.match(message, /PDF 文件已损坏或不完整/);
  assert.doesNotMatch(message, /UTF-8/);
  // The sample stays on screen and usable.
  assert.match(await page.textContent('h1'), /2024 年政府信息公开工作年度报告/);
  // The importer recovers for the next file.
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.pdf'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'), null, { timeout: 30000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** A .docx (a zip archive) whose body is `size` bytes of spaces, deflated: a zip bomb. */
function zipBomb(size) {
  const body = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(1000, 22); // the declared size lies: the cap must hold anyway
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryAt = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

test('a .docx zip bomb is refused in bounded time and the app stays usable', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const bomb = zipBomb(1 << 30);
  const started = Date.now();
  await page.setInputFiles('input[type="file"]', { name: 'bomb.docx', mimeType: 'application/octet-stream', buffer: bomb });
  await page.waitForSelector('.nb-failure', { timeout: 30000 });
  const took = Date.now() - started;
  assert.match(await page.textContent('.nb-failure'), /解压后超过 32 MB/);
  assert.ok(took < 10000, `refused after ${took} ms`);
  // The report on screen still answers: another file opens.
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
