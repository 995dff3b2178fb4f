// End to end: the built app in Debian's chromium, on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, axe, cell, fixture, newPage, openApp, sample, screenshot, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

async function assertNoAxeViolations(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations in state "${state}": ${JSON.stringify(violations, null, 2)}`);
}

async function openFile(page, file) {
  await page.setInputFiles('input[type="file"]', file);
}

test('the built-in sample opens validated, with its numbers in the right cells', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  assert.equal(await cell(page, '/applications/received/natural_person'), '1');
  assert.equal(await cell(page, '/applications/received/total'), '1');
  assert.equal(await cell(page, '/applications/results/unavailable/not_held/natural_person'), '1');
  assert.equal(await cell(page, '/applications/results/total/total'), '1');
  assert.equal(await cell(page, '/proactive/fees/amount'), '0');
  assert.equal(await page.locator('td[data-pointer]').count(), 10 + 175 + 15);
  assert.match(await page.textContent('[data-testid="summary"]'), /未发现问题/);
  assert.match(await page.textContent('h1'), /2024 年政府信息公开工作年度报告/);
  // Printed layout: 三、本年度办理结果 spans 22 rows; （三）不予公开 spans 8.
  assert.equal(await page.getAttribute('th:has-text("三、本年度办理结果")', 'rowspan'), '22');
  assert.equal(await page.getAttribute('th:has-text("（三）不予公开")', 'rowspan'), '8');
  // Every value cell names its headers, and each named header exists.
  const missing = await page.evaluate(() => [...document.querySelectorAll('td[data-pointer]')].flatMap((td) =>
    td.getAttribute('headers').split(' ').filter((id) => !document.getElementById(id))));
  assert.deepEqual(missing, []);
  await screenshot(page, '01-sample');
  await assertNoAxeViolations(page, 'sample');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file with known errors shows each finding at its cells', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, fixture('known-errors.json'));
  await page.waitForSelector('li[data-rule="t3-balance"]');
  const rules = await page.$$eval('li[data-rule]', (items) => items.map((li) => [li.dataset.rule, li.dataset.pointers.split(' ')[0]]));
  assert.deepEqual(rules, [
    ['t3-balance', '/applications/received/natural_person'],
    ['t3-row-total', '/applications/received/total'],
    ['cell-blank', '/applications/results/granted/research'],
    ['cell-text', '/appeals/review/pending'],
  ]);
  assert.equal(await page.getAttribute('td[data-pointer="/applications/received/total"]', 'data-severity'), 'error');
  assert.equal(await page.getAttribute('td[data-pointer="/applications/received/natural_person"]', 'data-severity'), 'error');
  assert.equal(await page.getAttribute('td[data-pointer="/applications/results/granted/research"]', 'data-severity'), 'warning');
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/pending"]', 'data-severity'), 'warning');
  assert.equal(await cell(page, '/appeals/review/pending'), '/');
  assert.equal(await cell(page, '/applications/results/granted/research'), '');
  assert.equal(await page.getAttribute('td[data-pointer="/applications/results/granted/natural_person"]', 'data-severity'), null);
  const summary = await page.textContent('[data-testid="summary"]');
  assert.match(summary, /2\s*个错误/);
  assert.match(summary, /2\s*个警告/);

  // Selecting a finding marks its total strongly and its six addends
  // lightly, and shows the calculation.
  await page.click('li[data-rule="t3-row-total"] button');
  const highlighted = await page.$$eval('td.nb-selected', (tds) => tds.map((td) => td.dataset.pointer));
  assert.deepEqual(highlighted, ['/applications/received/total']);
  const addends = await page.$$eval('td.nb-addend', (tds) => tds.map((td) => td.dataset.pointer));
  assert.equal(addends.length, 6);
  assert.equal(addends[0], '/applications/received/natural_person');
  const breakdown = await page.textContent('li[data-rule="t3-row-total"] .nb-breakdown');
  assert.match(breakdown, /计算合计\s*3/);
  assert.match(breakdown, /填报总计.*1/);
  assert.match(breakdown, /差额\s*-2/);

  // A flagged cell tells what is wrong on keyboard focus.
  await page.focus('td[data-pointer="/appeals/review/pending"]');
  const tip = page.locator('td[data-pointer="/appeals/review/pending"] .nb-tip');
  assert.equal(await tip.isVisible(), true);
  assert.match(await tip.textContent(), /文字“\/”/);
  await screenshot(page, '02-known-errors');
  await assertNoAxeViolations(page, 'known errors, finding selected');
  await page.context().close();
});

test('hongze 2023 as published: 表四 totals and the single （六） row', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, sample('hongze-district-2023.json'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/total"]', 'data-severity'), 'error');
  assert.equal(await cell(page, '/appeals/review/upheld'), '10');
  assert.equal(await page.getAttribute('th:has-text("三、本年度办理结果")', 'rowspan'), '20');
  assert.equal(await cell(page, '/proactive/fees/amount'), '7730.28');
  assert.equal(await page.locator('li[data-rule="template-mixed"]').count(), 1);
  await page.click('li[data-rule="t4-total"] button');
  await screenshot(page, '03-hongze-2023');
  await assertNoAxeViolations(page, 'hongze 2023');
  await page.context().close();
});

test('a sentence of section 一 that contradicts 表三: selecting the finding marks the sentence and the cell, with both numbers', async () => {
  for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const page = await newPage(browser);
    await page.setViewportSize(size);
    await openApp(page, server.base);
    await openFile(page, sample('hongze-district-2024.json'));
    const finding = page.locator('li[data-rule="text-table-mismatch"]');
    await finding.waitFor();
    assert.equal(await finding.getAttribute('data-pointers'), '/overview /applications/received/total');
    assert.equal(await page.locator('mark.nb-mark').count(), 0, 'nothing is marked before a finding is selected');
    await finding.locator('button.nb-finding-button').click();
    // The sentence quoted, marked where it stands in section 一, as text.
    const mark = page.locator('section[data-pointer="/overview"] mark.nb-mark');
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.textContent(), '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复');
    assert.equal(await mark.locator('*').count(), 0);
    // The cell it contradicts, highlighted in 表三.
    const selected = await page.$$eval('td.nb-selected', (tds) => tds.map((td) => [td.dataset.pointer, (td.querySelector('.nb-cell-text') ?? td).textContent.trim()]));
    assert.deepEqual(selected, [['/applications/received/total', '95']]);
    // Both numbers, in the finding.
    const breakdown = await finding.locator('.nb-breakdown').textContent();
    assert.match(breakdown, /文字所写\s*17/);
    assert.match(breakdown, /表格数据（一、本年新收政府信息公开申请数量 · 总计）\s*95/);
    assert.match(await finding.textContent(), /表三中为 95 件/);
    // The sentence is brought into view.
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.nb-mark').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await screenshot(page, `03b-text-table-mismatch-${size.width}`);
    await assertNoAxeViolations(page, `text-table-mismatch selected at ${size.width}`);
    // Another finding: the mark goes. It is about a row (（六）其他处理):
    // the row is brought into view, its total cell marked (not every cell).
    await page.click('li[data-rule="template-mixed"] button.nb-finding-button');
    assert.equal(await page.locator('mark.nb-mark').count(), 0);
    await page.waitForFunction(() => {
      const r = document.querySelector('td[data-pointer="/applications/results/other/total"]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    const marked = await page.$$eval('td.nb-selected, td.nb-addend', (tds) => tds.map((td) => td.dataset.pointer));
    assert.deepEqual(marked, ['/applications/results/other/total']);
    await page.context().close();
  }
});

test('a broken file shows its message with line and column and keeps the report on screen', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  for (const [file, pattern] of [
    ['truncated.json', /第 \d+ 行第 \d+ 列/],
    ['gbk.json', /GBK/],
    ['not-an-object.json', /对象/],
  ]) {
    await openFile(page, fixture(file));
    await page.waitForSelector('.nb-failure');
    assert.match(await page.textContent('.nb-failure'), pattern, file);
    assert.match(await page.textContent('h1'), /淮安市人民政府/, `${file} must not replace the report`);
    assert.equal(await cell(page, '/applications/received/total'), '3119');
    if (file === 'truncated.json') {
      await screenshot(page, '04-broken-file', false);
      await assertNoAxeViolations(page, 'broken file');
    }
    await page.click('.nb-failure button');
    await page.waitForSelector('.nb-failure', { state: 'detached' });
  }
  await page.context().close();
});

test('drag and drop anywhere, and paste, open a report', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const text = readFileSync(sample('hongze-district-2024.json'), 'utf8');
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'hongze-2024.json', { type: 'application/json' }));
    const target = document.querySelector('.nb-text-section p');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
  assert.equal(await cell(page, '/applications/received/total'), '95');
  assert.match(await page.textContent('.nb-fact:has-text("来源")'), /hongze-2024\.json/);

  // Paste anywhere outside a field.
  const huaian = readFileSync(sample('huaian-city-2024.json'), 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, huaian);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.equal(await cell(page, '/applications/received/total'), '3119');

  // And the paste box.
  await page.click('.nb-paste summary');
  await page.fill('textarea', readFileSync(fixture('known-errors.json'), 'utf8'));
  await page.click('.nb-paste-body button');
  await page.waitForSelector('li[data-rule="t3-balance"]');
  await page.context().close();
});

test("a report's text (from a PDF viewer) is imported, with notes, and downloads as JSON", async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, sample('hongze-district-2023.txt'));
  await page.waitForSelector('[data-testid="import-notes"]');
  const notes = await page.textContent('[data-testid="import-notes"]');
  assert.match(notes, /2021 版模板/);
  assert.match(notes, /其他法律行政止公开/);
  // The published numbers, in their cells; the published slips, found.
  assert.equal(await cell(page, '/appeals/review/upheld'), '10');
  assert.equal(await cell(page, '/proactive/fees/amount'), '7730.28');
  assert.equal(await cell(page, '/applications/results/unavailable/not_held/total'), '10');
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/total"]', 'data-severity'), 'error');
  assert.match(await page.getAttribute('td[data-pointer="/applications/results/withheld/prohibited_by_law/total"]', 'class'), /nb-guessed/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="import-notes"] button'),
  ]);
  assert.equal(download.suggestedFilename(), 'hongze-district-2023.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.format, 'zfxxgk-annual-report/1');
  assert.equal(saved.appeals.review.upheld, 10);
  await screenshot(page, '10-imported-text');
  await assertNoAxeViolations(page, 'imported text');

  // Pasting the text of a web page works the same way.
  const huaian = readFileSync(sample('huaian-city-2024.txt'), 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, huaian);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.equal(await cell(page, '/applications/received/total'), '3119');
  assert.match(await page.textContent('[data-testid="summary"]'), /未发现问题/);
  await page.context().close();
});

test('a Word file (.docx) is imported in the browser, and a damaged one is a clear message', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, path.join(ROOT, 'tests/fixtures/docx/huaian-city-2024.docx'));
  await page.waitForSelector('[data-testid="import-notes"]');
  assert.equal(await cell(page, '/applications/received/total'), '3119');
  assert.equal(await cell(page, '/appeals/review/total'), '351');
  assert.equal(await cell(page, '/proactive/fees/amount'), '96171.6');
  assert.match(await page.textContent('h1'), /淮安市人民政府/);
  assert.match(await page.textContent('[data-testid="summary"]'), /未发现问题/);
  const damaged = readFileSync(path.join(ROOT, 'tests/fixtures/docx/huaian-city-2024.docx')).subarray(0, 2000);
  await page.setInputFiles('input[type="file"]', { name: 'damaged.docx', mimeType: 'application/octet-stream', buffer: damaged });
  await page.waitForSelector('.nb-failure');
  assert.match(await page.textContent('.nb-failure'), /docx/);
  assert.match(await page.textContent('h1'), /淮安市人民政府/);
  await page.context().close();
});

test('?src= opens a report by URL, and a failed fetch is a clear message', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base, '?src=../samples/hongze-district-2023.json');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/total"]', 'data-severity'), 'error');

  const failing = await newPage(browser);
  await failing.goto(`${server.base}/dist/index.html?src=../no-such-report.json`);
  await failing.waitForSelector('.nb-failure');
  assert.match(await failing.textContent('.nb-failure'), /HTTP 404/);
  assert.match(await failing.textContent('h1'), /高新技术产业开发区/);
  await screenshot(failing, '05-fetch-failed', false);
  await assertNoAxeViolations(failing, 'fetch failed');
  await page.context().close();
  await failing.context().close();
});

test('English switch changes every visible interface string and is remembered', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, sample('hongze-district-2023.json'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  await page.click('button:has-text("English")');
  await page.waitForSelector('button:has-text("中文")');
  const han = /[\u4e00-\u9fff]/;
  // Interface strings: toolbar, summary, table headers and captions, findings, section headings.
  const strings = await page.$$eval(
    '.nb-toolbar button, .nb-toolbar label, .nb-toolbar summary, [data-testid="summary"], .nb-grid th, .nb-grid td.nb-h, .nb-section-heading, .nb-findings h3, .nb-findings .nb-message, .nb-findings .nb-place, .nb-fact dt, .nb-eyebrow',
    (els) => els.map((e) => e.textContent.trim()).filter(Boolean),
  );
  const chinese = strings.filter((s) => han.test(s) && s !== '中文');
  assert.deepEqual(chinese, []);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshot(page, '06-english');
  await assertNoAxeViolations(page, 'english');
  await page.reload();
  await page.waitForSelector('[data-testid="summary"]');
  assert.match(await page.textContent('[data-testid="summary"]'), /No problems found/);
  await page.context().close();
});

test('on a phone, wide tables scroll inside their frame with row labels in view', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await openApp(page, server.base);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    frame: document.querySelector('.nb-applications .nb-scroll').scrollWidth,
  }));
  assert.ok(widths.page <= widths.viewport + 1, `the page itself must not scroll sideways: ${JSON.stringify(widths)}`);
  assert.ok(widths.frame > widths.viewport, 'the table scrolls inside its frame');
  await page.$eval('.nb-applications .nb-scroll', (el) => { el.scrollLeft = 400; });
  const label = await page.$eval('th:has-text("一、本年新收政府信息公开申请数量")', (el) => el.getBoundingClientRect().left);
  assert.ok(label >= 0 && label < 40, `row label stays in view (left = ${label})`);
  await page.$eval('.nb-applications', (el) => el.scrollIntoView());
  await screenshot(page, '07-phone', false);
  await assertNoAxeViolations(page, 'phone');
  await page.context().close();
});

test('print gives A4 pages with the tables and findings', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await openFile(page, sample('hongze-district-2023.json'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.nb-appbar'), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 10_000);
  await screenshot(page, '08-print');
  await page.context().close();
});

test('dark mode is respected', async () => {
  const page = await newPage(browser, { colorScheme: 'dark' });
  await openApp(page, server.base);
  const background = await page.$eval('.nb-app', (el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, 'rgb(21, 25, 29)');
  await screenshot(page, '09-dark', false);
  await assertNoAxeViolations(page, 'dark');
  await page.context().close();
});

test('a 60 MB file is refused at once with its size, and the page keeps answering', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const huge = Buffer.concat([Buffer.from('{"format": "zfxxgk-annual-report/1", "overview": "'), Buffer.alloc(60 << 20, 0x61), Buffer.from('"}')]);
  const file = path.join(os.tmpdir(), `nianbao-huge-${process.pid}.json`);
  writeFileSync(file, huge);
  const started = Date.now();
  await page.setInputFiles('input[type="file"]', file);
  await page.waitForSelector('.nb-failure', { timeout: 20000 });
  assert.match(await page.textContent('.nb-failure'), /文件有 60 MB，超过年报文件可能的大小/);
  console.log(`a 60 MB file refused after ${Date.now() - started} ms`);
  // The sample is still on screen and the page still works.
  assert.match(await page.textContent('h1'), /2024 年政府信息公开工作年度报告/);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  unlinkSync(file);
  await page.context().close();
});
