// End to end: editing a report in place, undo and redo, reviewers'
// decisions, and nothing lost across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, cell, newPage, openApp, sample, screenshot, setup, exportItem } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

async function editCell(page, pointer, text) {
  await page.dblclick(`td[data-pointer="${pointer}"]`);
  const input = page.locator(`td[data-pointer="${pointer}"] input.nb-cell-input`);
  await input.fill(text);
  await input.press('Enter');
}

test('a cell edited in place is re-checked at once, and undo and redo work', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await editCell(page, '/applications/received/natural_person', '3');
  await page.waitForSelector('li[data-rule="t3-row-total"]');
  assert.equal(await cell(page, '/applications/received/natural_person'), '3');
  assert.equal(await page.getAttribute('td[data-pointer="/applications/received/total"]', 'data-severity'), 'error');
  await screenshot(page, 'edit-01-cell-edited');
  assert.deepEqual(await axe(page), []);
  await page.click('button:has-text("撤销")');
  await page.waitForSelector('li[data-rule="t3-row-total"]', { state: 'detached' });
  assert.equal(await cell(page, '/applications/received/natural_person'), '1');
  await page.keyboard.press('Control+Y');
  await page.waitForSelector('li[data-rule="t3-row-total"]');
  assert.equal(await cell(page, '/applications/received/natural_person'), '3');
  await page.keyboard.press('Control+Z');
  await page.waitForSelector('li[data-rule="t3-row-total"]', { state: 'detached' });
  // Every edit undone: no draft is left to offer edits taken back.
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null);
  await page.context().close();
});

test('an edit survives a reload: the next visit offers to restore it', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await editCell(page, '/appeals/review/pending', '40');
  await page.waitForSelector('li[data-rule="t4-total"]');
  await page.reload();
  await page.waitForSelector('.nb-app[data-live] [data-testid="draft"]');
  assert.match(await page.textContent('[data-testid="draft"]'), /huaian-city-2024\.json/);
  await screenshot(page, 'edit-02-restore-offer', false);
  await page.click('[data-testid="draft"] button:has-text("恢复编辑")');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.equal(await cell(page, '/appeals/review/pending'), '40');
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/total"]', 'data-severity'), 'error');
  // Discarding it ends the offer.
  await page.reload();
  await page.waitForSelector('.nb-app[data-live] [data-testid="draft"]');
  await page.click('[data-testid="draft"] button:has-text("放弃")');
  await page.reload();
  await page.waitForSelector('.nb-app[data-live]');
  assert.equal(await page.locator('[data-testid="draft"]').count(), 0);
  await page.context().close();
});

test('edits made while a restore offer waits do not overwrite the draft offered', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await editCell(page, '/appeals/review/pending', '40');
  await page.waitForFunction(() => localStorage.getItem('nianbao.draft')?.includes('huaian'));
  await page.reload();
  await page.waitForSelector('.nb-app[data-live] [data-testid="draft"]');
  // The offer is ignored; the built-in sample on screen is edited instead.
  await editCell(page, '/proactive/fees/amount', '9');
  await page.waitForFunction(() => localStorage.getItem('nianbao.draft')?.includes('builtin-sample'));
  await page.reload();
  // Both are offered, newest first; discarding one leaves the other.
  await page.waitForSelector('.nb-app[data-live] [data-testid="draft"]');
  assert.match(await page.textContent('[data-testid="draft"]'), /上次编辑的“内置示例”.*另有 1 份/);
  await page.click('[data-testid="draft"] button:has-text("放弃")');
  assert.match(await page.textContent('[data-testid="draft"]'), /huaian-city-2024\.json/);
  await page.click('[data-testid="draft"] button:has-text("恢复编辑")');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.equal(await cell(page, '/appeals/review/pending'), '40');
  assert.equal(await page.locator('[data-testid="draft"]').count(), 0);
  await page.context().close();
});

test('typing on and on without a pause is saved at least every two seconds', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.dblclick('td[data-pointer="/proactive/fees/amount"]');
  const input = page.locator('td[data-pointer="/proactive/fees/amount"] input.nb-cell-input');
  // A keystroke every 100 ms for 2.5 s: never the quarter-second pause
  // that the usual save waits for.
  for (let i = 0; i < 25; i++) {
    await input.fill(String(100 + i));
    await page.waitForTimeout(100);
  }
  const draft = await page.evaluate(() => localStorage.getItem('nianbao.draft'));
  assert.ok(draft, 'a draft was saved while typing went on');
  const amount = JSON.parse(JSON.parse(draft)[0].document).proactive.fees.amount;
  assert.ok(amount >= 100 && amount <= 124, `saved ${amount}`);
  await page.context().close();
});

test('a dismissed finding stays dismissed after another edit, and downloads with the report', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2024.json'));
  await page.waitForSelector('li[data-rule="template-mixed"]');
  await page.click('li[data-rule="template-mixed"] button.nb-finding-button');
  await page.fill('li[data-rule="template-mixed"] .nb-settle-comment', '本年沿用旧表，已报上级同意');
  await page.click('li[data-rule="template-mixed"] button:has-text("排除：不是问题")');
  await page.waitForSelector('.nb-group-dismissed li[data-rule="template-mixed"]');
  assert.match(await page.textContent('[data-testid="summary"]'), /1 条已排除/);
  // What is left is section 一's 17 against 表三's 95.
  assert.match(await page.textContent('[data-testid="summary"]'), /0 个错误\s*1 个警告/);
  assert.deepEqual(await page.$$eval('.nb-group-warning li[data-rule]', (lis) => lis.map((li) => li.dataset.rule)), ['text-table-mismatch']);
  // Another edit: still dismissed.
  await editCell(page, '/proactive/fees/amount', '7546');
  await page.waitForFunction(() => document.querySelector('td[data-pointer="/proactive/fees/amount"]')?.textContent.trim() === '7546');
  assert.equal(await page.locator('.nb-group-dismissed li[data-rule="template-mixed"]').count(), 1);
  await screenshot(page, 'edit-03-dismissed');
  const [download] = await Promise.all([page.waitForEvent('download'), exportItem(page, 'download-report')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved.annotations, [{ rule: 'template-mixed', pointer: '/applications/results/other', status: 'dismissed', comment: '本年沿用旧表，已报上级同意' }]);
  assert.equal(saved.proactive.fees.amount, 7546);
  await page.context().close();
});

test('a text section is edited in place and re-checked', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.click('section[data-pointer="/problems"] button:has-text("编辑")');
  // The editor opens (in the workstation, which takes over) with the focus in it.
  await page.waitForFunction(() => document.activeElement?.matches('section[data-pointer="/problems"] textarea'));
  await page.fill('section[data-pointer="/problems"] textarea', '无');
  await page.waitForSelector('li[data-rule="section-empty"]');
  assert.equal(await page.getAttribute('section[data-pointer="/problems"]', 'data-severity'), 'warning');
  await page.click('section[data-pointer="/problems"] button:has-text("完成")');
  assert.equal((await page.textContent('section[data-pointer="/problems"] p')).trim(), '无');
  await page.context().close();
});

test('two years: last year\'s report runs the cross-year rules, and a disagreement is a carry-over finding', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2024.json'));
  await page.waitForSelector('li[data-rule="template-mixed"]');
  assert.equal(await page.locator('input[type="file"]').count(), 1, 'one file picker on the page');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button:has-text("对照上年报告")')]);
  await chooser.setFiles(sample('hongze-district-2023.json'));
  await page.waitForSelector('[data-testid="previous"]');
  assert.match(await page.textContent('[data-testid="previous"]'), /洪泽区人民政府 2023/);
  // The two years agree: no cross-year finding. Then make them disagree.
  assert.equal(await page.locator('li[data-rule="carry-over"]').count(), 0);
  // Side by side: last year's number in each cell, changed ones marked; a trend chart of both years.
  assert.match(await page.getAttribute('td[data-pointer="/applications/received/total"]', 'class'), /nb-changed/);
  assert.match(await page.textContent('td[data-pointer="/applications/received/total"] .nb-last-year'), /21/);
  assert.equal(await cell(page, '/applications/received/total'), '95');
  assert.doesNotMatch(await page.getAttribute('td[data-pointer="/applications/carried_over/total"]', 'class'), /nb-changed/);
  const trend = await page.getAttribute('[data-testid="trend-chart"] svg', 'aria-label');
  assert.match(trend, /新收申请 2023 21 \/ 2024 95/);
  assert.match(trend, /行政复议 2023 0 \/ 2024 2/);
  // The chart says what it shows and what changed; a legend says what the small numbers are.
  assert.equal(await page.textContent('[data-testid="trend-chart"] .nb-chart-title'), '2023 年与 2024 年对照');
  assert.equal(await page.textContent('[data-testid="trend-changes"] li[data-measure="新收申请"]'), '新收申请：95，比上年增加 74（352.4%）');
  assert.match(await page.textContent('[data-testid="compare-legend"]'), /上年（2023 年）报告的数字/);
  await editCell(page, '/applications/carried_over/natural_person', '4');
  await page.waitForSelector('li[data-rule="carry-over"]');
  // The carry-over is about this cell (a warning); the balance it breaks is
  // an error flagged at the column's 一、本年新收, of which this cell is an addend.
  assert.equal(await page.getAttribute('td[data-pointer="/applications/carried_over/natural_person"]', 'data-severity'), 'warning');
  assert.equal(await page.getAttribute('td[data-pointer="/applications/received/natural_person"]', 'data-severity'), 'error');
  assert.match(await page.textContent('li[data-rule="carry-over"]'), /2023 年报告/);
  await screenshot(page, 'edit-04-two-years');
  await page.click('[data-testid="previous"] button:has-text("并排显示上年数字")');
  assert.equal(await page.locator('td .nb-last-year').count(), 0);
  assert.equal(await page.locator('[data-testid="compare-legend"]').count(), 0);
  await page.click('[data-testid="previous"] button[aria-label]');
  await page.waitForSelector('li[data-rule="carry-over"]', { state: 'detached' });
  await page.context().close();
});

test('one report: an outcome chart beside 表三, and each table as CSV', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  const chart = await page.getAttribute('[data-testid="outcome-chart"] svg', 'aria-label');
  assert.match(chart, /（一）予以公开 1362/);
  assert.match(chart, /（三）不予公开 178/);
  assert.match(chart, /结转下年度继续办理 103/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-applications"]')]);
  assert.match(download.suggestedFilename(), /table3\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'));
  assert.match(csv, /一、本年新收政府信息公开申请数量,,,3001,53,0,0,61,4,3119/);
  assert.match(csv, /（七）总计,,2932,53,0,0,61,4,3050/);
  await page.$eval('[data-testid="outcome-chart"]', (el) => el.scrollIntoView());
  await screenshot(page, 'edit-05-outcome-chart', false);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('many reports: progress, a sortable summary that opens any report, the aggregate check, exports', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const names = ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];
  const texts = Object.fromEntries(names.map((n) => [n, readFileSync(sample(`${n}.json`), 'utf8')]));
  const files = [];
  // 淮安's aggregated report (a prefecture's), and 27 department reports of 2024 and 2023.
  files.push({ name: 'huaian-city-2024.json', mimeType: 'application/json', buffer: Buffer.from(texts['huaian-city-2024.json'.replace('.json', '')] ?? texts['huaian-city-2024']) });
  for (let i = 0; i < 27; i++) {
    const base = names[[0, 2, 3][i % 3]];
    const doc = JSON.parse(texts[base]);
    doc.agency = `${doc.agency}（单位 ${i + 1}）`;
    doc.kind = 'department';
    files.push({ name: `unit-${String(i + 1).padStart(2, '0')}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  }
  files.push({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"year": 2024,') });
  await page.setInputFiles('input[type="file"]', files);
  await page.waitForSelector('[data-testid="batch"] .nb-batch-actions');
  assert.equal(await page.locator('[data-testid="batch-row"]').count(), 29);
  // Worst first: the broken file, then 洪泽 2023's copies with their errors.
  assert.equal(await page.locator('[data-testid="batch-row"]').first().getAttribute('data-verdict'), 'Unread');
  assert.equal(await page.locator('[data-testid="batch-row"]').nth(1).getAttribute('data-verdict'), 'Errors');
  // Sort by errors, most first.
  await page.click('[data-testid="batch"] th button:has-text("错误")');
  const firstErrors = Number(await page.locator('[data-testid="batch-row"]').first().locator('td').nth(2).textContent());
  assert.ok(firstErrors >= 1);
  // Sort by file name, ascending after a second click.
  await page.click('[data-testid="batch"] th button:has-text("文件")');
  await page.click('[data-testid="batch"] th button:has-text("文件")');
  assert.equal(await page.locator('[data-testid="batch-row"]').first().getAttribute('data-file'), 'broken.json');
  // The aggregate check names who was included (the 2024 reports).
  const aggregate = await page.textContent('[data-testid="aggregate"]');
  assert.match(aggregate, /淮安市人民政府/);
  assert.match(aggregate, /18 份下级报告/);
  assert.ok(await page.locator('[data-testid="aggregate"] li[data-rule="aggregate-sum"]').count() > 0);
  // Open one report from the list.
  await page.locator('[data-testid="batch-row"]', { hasText: 'unit-02.json' }).locator('button').click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽区人民政府2023'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出汇总 CSV")')]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.match(text, /^\ufefffile,agency,year,template,errors,warnings,infos,dismissed/);
  assert.match(text, /unit-02\.json,洪泽区人民政府（单位 2）,2023,2021,2,1,0,0,errors,238,1,0,1,2,0,0/);
  assert.match(text, /broken\.json,,,,1,0,0,0,unread,0,0,0,0,0,0,0/);
  assert.match(text, /broken\.json,json-syntax,error/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出全部结果 JSON")')]);
  const all = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(all.length, 29);
  assert.ok(all.every((item) => item.file && item.summary && Array.isArray(item.diagnostics)));
  await page.$eval('[data-testid="batch"]', (el) => el.scrollIntoView());
  await screenshot(page, 'edit-06-batch', false);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('several years of one agency: each checked against the year before, and a trend across them', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  const y2024 = readFileSync(sample('hongze-district-2024.json'), 'utf8').replace('"carried_over": { "natural_person": 0', '"carried_over": { "natural_person": 3');
  const y2022 = JSON.parse(readFileSync(sample('hongze-district-2023.json'), 'utf8'));
  y2022.year = 2022;
  y2022.title = y2022.title.replace('2023', '2022');
  y2022.overview = y2022.overview.replaceAll('2023', '2022');
  await page.setInputFiles('input[type="file"]', [
    { name: 'hongze-2024.json', mimeType: 'application/json', buffer: Buffer.from(y2024) },
    { name: 'hongze-2022.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(y2022)) },
    { name: 'hongze-2023.json', mimeType: 'application/json', buffer: readFileSync(sample('hongze-district-2023.json')) },
  ]);
  await page.waitForSelector('[data-testid="batch-years"]');
  const trend = await page.getAttribute('[data-testid="batch-years"] svg', 'aria-label');
  assert.match(trend, /新收申请 2022 21 \/ 2023 21 \/ 2024 95/);
  await page.locator('[data-testid="batch-row"]', { hasText: 'hongze-2024.json' }).locator('button').click();
  await page.waitForSelector('li[data-rule="carry-over"]');
  assert.match(await page.textContent('li[data-rule="carry-over"]'), /2023 年报告/);
  await page.$eval('[data-testid="batch-years"]', (el) => el.scrollIntoView());
  await screenshot(page, 'edit-07-years', false);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

/** Fills LocalStorage to its quota. */
async function fillLocalStorage(page) {
  await page.evaluate(() => {
    let i = 0;
    for (let n = 1 << 20; n >= 1; n >>= 1) {
      const chunk = 'x'.repeat(n);
      for (;;) {
        try { localStorage.setItem(`filler-${i++}`, chunk); } catch { break; }
      }
    }
  });
}

test('with LocalStorage full, drafts go to IndexedDB and the next visit offers them', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await fillLocalStorage(page);
  await editCell(page, '/applications/received/natural_person', '7');
  await page.waitForSelector('li[data-rule="t3-row-total"]');
  // Saved (a quarter of a second after typing), in IndexedDB.
  let stored = null;
  for (let i = 0; i < 50 && !stored?.includes('\\"natural_person\\": 7'); i++) {
    await page.waitForTimeout(100);
    stored = await page.evaluate(() => window.nianbaoOverflow.get());
  }
  assert.ok(stored?.includes('\\"natural_person\\": 7'), `the draft in IndexedDB: ${stored?.slice(0, 200)}`);
  assert.equal(await page.locator('[data-testid="storage-full"]').count(), 0);
  await page.reload();
  await page.waitForSelector('[data-testid="draft"]', { timeout: 15000 });
  await page.click('[data-testid="draft"] button:has-text("恢复编辑")');
  await page.waitForSelector('li[data-rule="t3-row-total"]');
  assert.equal(await cell(page, '/applications/received/natural_person'), '7');
  await page.evaluate(async () => { localStorage.clear(); await window.nianbaoOverflow.clear(); });
  await page.context().close();
});

test('with the browser storage full, an edit is announced as unsaved at once, with the download', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await fillLocalStorage(page);
  // IndexedDB refuses too: nothing can be saved.
  await page.evaluate(() => { window.nianbaoOverflow.put = () => Promise.reject(new Error('QuotaExceededError')); });
  await editCell(page, '/applications/received/natural_person', '3');
  await page.waitForSelector('[data-testid="storage-full"]', { timeout: 5000 });
  assert.match(await page.textContent('[data-testid="storage-full"]'), /无法在本机自动保存/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="storage-full"] button')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.applications.received.natural_person, 3);
  await screenshot(page, 'edit-storage-full');
  await page.evaluate(() => localStorage.clear());
  await page.context().close();
});
