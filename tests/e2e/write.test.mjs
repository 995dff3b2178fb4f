// End to end: writing a report here. Starting from the blank template or
// from last year's report, the report's facts edited in place, and the state
// that says whether it can be published.
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

async function noAxeViolations(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations in state "${state}": ${JSON.stringify(violations, null, 2)}`);
}

test('a blank report: every cell blank, the cells still to fill counted per table, checked as it is filled', async () => {
  for (const size of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const page = await newPage(browser);
    await page.setViewportSize(size);
    await openApp(page, server.base);
    // The viewer hands over to the workstation, which opens the form.
    await page.click('button[data-action="new-report"]');
    const form = page.locator('[data-testid="new-report"]');
    await form.waitFor();
    // The year proposed is last year's; the first field has the focus.
    const year = form.locator('input[inputmode="numeric"]');
    assert.equal(await year.inputValue(), String(new Date().getFullYear() - 1));
    assert.equal(await year.evaluate((el) => el === document.activeElement), true);
    // Nothing typed for the agency: said where it is missing, nothing made.
    await year.fill('2025');
    await form.locator('button[data-action="create-report"]').click();
    assert.match(await form.locator('[role="alert"]').textContent(), /请填写机关名称/);
    assert.equal(await form.locator('input[aria-invalid="true"]').count(), 1);
    await screenshot(page, `write-01-new-form-${size.width}`);
    await noAxeViolations(page, `new report form at ${size.width}`);
    await form.locator('input[autocomplete="organization"]').fill('某某县市场监督管理局');
    await form.locator('select').selectOption('department');
    await form.locator('button[data-action="create-report"]').click();
    await form.waitFor({ state: 'detached' });
    assert.match(await page.textContent('h1'), /某某县市场监督管理局2025年政府信息公开工作年度报告/);
    // Every cell blank, none 0.
    const values = await page.$$eval('td[data-pointer]', (tds) => tds.map((td) => (td.querySelector('.nb-cell-text') ?? td).textContent.trim()));
    assert.equal(values.length, 200);
    assert.deepEqual([...new Set(values)], ['']);
    const state = page.locator('[data-testid="publish-state"]');
    assert.equal(await state.getAttribute('data-ready'), 'false');
    assert.equal(await page.textContent('[data-testid="to-fill"]'), '还有 200 格待填：表二 10 格，表三 175 格，表四 15 格');
    assert.match(await state.textContent(), /发布前还需处理：202 条未处理的警告/);
    // Warnings, no error, and most checks could not run (every cell blank):
    // the summary says so first, in a stripe of its own, neither red nor green.
    assert.match(await page.getAttribute('[data-testid="summary"]', 'class'), /nb-worst-unchecked/);
    assert.match(await page.textContent('[data-testid="mostly-unchecked"]'), /^多数检查未能运行/);
    // Section 一 starts with the template's headings and nothing else.
    assert.equal(await page.locator('section[data-pointer="/overview"] h3').count(), 5);
    assert.equal(await page.locator('section[data-pointer="/overview"] p').count(), 0);
    // The blank cells are one line per table, which opens onto them.
    const groups = page.locator('.nb-group-warning li.nb-finding-group');
    assert.deepEqual(await groups.locator('details:not(.nb-finding-details) > summary').allTextContents(), ['表二有 10 个空白格', '表三有 175 个空白格', '表四有 15 个空白格']);
    assert.equal(await page.locator('.nb-group-warning > ol > li[data-rule="section-empty"]').count(), 2);
    // The count of warnings leads to the first, and its line opens.
    await state.locator('button:has-text("202 条未处理的警告")').click();
    assert.notEqual(await groups.first().locator('> details').getAttribute('open'), null);
    assert.equal(await page.locator('li.nb-selected[data-rule="cell-blank"]').getAttribute('data-pointers'), '/proactive/regulations/issued');
    assert.equal(await page.locator('td.nb-selected').getAttribute('data-pointer'), '/proactive/regulations/issued');
    await screenshot(page, `write-02-blank-${size.width}`);
    // A cell filled: one fewer to fill, checked at once.
    await editCell(page, '/applications/received/natural_person', '3');
    await page.waitForFunction(() => document.querySelector('[data-testid="to-fill"]')?.textContent.includes('199'));
    // A sum with a blank in it is not checked (a blank is no number); filled
    // in, it is.
    await editCell(page, '/appeals/review/upheld', '1');
    await editCell(page, '/appeals/review/corrected', '0');
    await editCell(page, '/appeals/review/other', '0');
    await editCell(page, '/appeals/review/total', '2');
    assert.equal(await page.locator('li[data-rule="t4-total"]').count(), 0);
    await editCell(page, '/appeals/review/pending', '0');
    await page.waitForSelector('li[data-rule="t4-total"]');
    assert.match(await state.textContent(), /1 个错误/);
    assert.match(await page.getAttribute('[data-testid="summary"]', 'class'), /nb-worst-error/);
    // The count is a link to its finding.
    await state.locator('button:has-text("1 个错误")').click();
    assert.equal(await page.locator('li.nb-selected[data-rule="t4-total"]').count(), 1);
    await noAxeViolations(page, `blank report being filled at ${size.width}`);
    // Starting a report never loses the one that was on screen: one undo away.
    for (let i = 0; i < 7; i++) await page.click('button:has-text("撤销")');
    await page.waitForFunction(() => /高新技术产业开发区/.test(document.querySelector('h1')?.textContent));
    await page.context().close();
  }
});

test('the report\'s facts are edited in place, and the checks they drive follow', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.click('button[data-action="edit-facts"]');
  const form = page.locator('[data-testid="facts-form"]');
  await form.waitFor();
  // Published after a department's deadline (31 January): published-late.
  await form.locator('input[data-fact="published"]').fill('2025-03-15');
  await form.locator('input[data-fact="published"]').dispatchEvent('change');
  await page.waitForSelector('li[data-rule="published-late"]');
  assert.match(await page.textContent('.nb-facts [data-pointer="/published"]'), /2025-03-15/);
  // A title naming another year: title-year.
  await form.locator('input[data-fact="title"]').fill('高新技术产业开发区管理办公室 2023 年政府信息公开工作年度报告');
  await form.locator('input[data-fact="title"]').press('Enter');
  await page.waitForSelector('li[data-rule="title-year"]');
  assert.match(await page.textContent('h1'), /2023 年/);
  // The year as the other template's: template-year; in words: kept, flagged.
  await form.locator('input[data-fact="year"]').fill('2020');
  await form.locator('input[data-fact="year"]').press('Enter');
  await page.waitForSelector('li[data-rule="template-year"]');
  await form.locator('input[data-fact="year"]').fill('二〇二四');
  await form.locator('input[data-fact="year"]').press('Enter');
  await page.waitForSelector('li[data-rule^="field-"]');
  assert.equal(await form.locator('input[data-fact="year"]').inputValue(), '二〇二四');
  await form.locator('select[data-fact="kind"]').selectOption('county');
  await page.waitForFunction(() => /县级政府/.test(document.querySelector('.nb-facts [data-pointer="/kind"]')?.textContent ?? ''));
  await screenshot(page, 'write-03-facts');
  await noAxeViolations(page, 'facts being edited');
  // The edits are in the downloaded report.
  const [download] = await Promise.all([page.waitForEvent('download'), exportItem(page, 'download-report')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.published, '2025-03-15');
  assert.equal(saved.year, '二〇二四');
  assert.equal(saved.kind, 'county');
  await page.context().close();
});

test('next year from last year\'s report: carried over from carried forward, the cross-year checks live from the start', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.click('button[data-action="new-report"]');
  await page.locator('[data-testid="new-report"]').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button[data-action="new-from-previous"]')]);
  await chooser.setFiles(sample('huaian-city-2024.json'));
  await page.waitForFunction(() => /淮安市人民政府2025年政府信息公开工作年度报告/.test(document.querySelector('h1')?.textContent));
  // 二、上年结转 is last year's 四、结转下年度继续办理, column by column.
  const last = JSON.parse(readFileSync(sample('huaian-city-2024.json'), 'utf8'));
  for (const [column, value] of Object.entries(last.applications.carried_forward)) {
    assert.equal(await cell(page, `/applications/carried_over/${column}`), String(value), column);
  }
  assert.equal(await cell(page, '/applications/received/total'), '');
  // Last year's report is loaded beside it: copied-previous and
  // problems-repeated say its texts are still last year's.
  assert.match(await page.textContent('[data-testid="previous"]'), /淮安市人民政府 2024/);
  await page.waitForSelector('li[data-rule="copied-previous"]');
  assert.equal(await page.locator('li[data-rule="problems-repeated"]').count(), 1);
  assert.equal(await page.locator('li[data-rule="carry-over"]').count(), 0);
  await screenshot(page, 'write-04-from-previous');
  // A file that is not a report with a year: a clear message, the report stays.
  await page.click('button[data-action="new-report"]');
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.click('button[data-action="new-from-previous"]')]);
  const noYear = { ...last };
  delete noYear.year;
  await again.setFiles({ name: 'no-year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(noYear)) });
  await page.waitForSelector('.nb-failure');
  assert.match(await page.textContent('.nb-failure'), /「no-year.json」不能作为底稿/);
  assert.match(await page.textContent('h1'), /淮安市人民政府2025年/);
  await page.context().close();
});

test('from the blank template to 可以发布 by pasting and typing, then published as a page and a Word file that import back', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const cli = path.join(path.dirname(new URL(import.meta.url).pathname), '../../target/debug/nianbao');
  const model = JSON.parse(readFileSync(sample('jiyuan-hitech-zone-2024.json'), 'utf8'));
  const at = (pointer) => pointer.split('/').slice(1).reduce((o, k) => o?.[k], model);
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  await page.click('button[data-action="new-report"]');
  const form = page.locator('[data-testid="new-report"]');
  await form.locator('input[inputmode="numeric"]').fill(String(model.year));
  await form.locator('input[autocomplete="organization"]').fill(model.agency);
  await form.locator('select').selectOption(model.kind);
  await form.locator('button[data-action="create-report"]').click();
  await form.waitFor({ state: 'detached' });
  const paste = (text) => page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // Each table's rows of value cells, as printed.
  const rows = (table) => page.$$eval(`.nb-grid-${table} tr`, (trs) =>
    trs.map((r) => [...r.querySelectorAll('td[data-pointer]')].map((td) => td.dataset.pointer)).filter((r) => r.length));
  // 表二 row by row, 表三 as one block as a spreadsheet copies it, 表四 as its one row.
  for (const row of await rows('proactive')) {
    await page.click(`td[data-pointer="${row[0]}"]`);
    await paste(row.map(at).join('\t'));
    await page.waitForFunction(([p, v]) => {
      const td = document.querySelector(`td[data-pointer="${p}"]`);
      return (td?.querySelector('.nb-cell-text') ?? td)?.textContent.trim() === v;
    }, [row.at(-1), String(at(row.at(-1)))]);
  }
  const applications = await rows('applications');
  assert.equal(applications.flat().length, 175);
  await page.click(`td[data-pointer="${applications[0][0]}"]`);
  await paste(applications.map((row) => row.map(at).join('\t')).join('\r\n') + '\r\n');
  const appeals = (await rows('appeals')).flat();
  assert.equal(appeals.length, 15);
  await page.click(`td[data-pointer="${appeals[0]}"]`);
  await paste(appeals.map(at).join('\t'));
  await page.waitForSelector('[data-testid="to-fill"]', { state: 'detached' });
  // The three sections typed in.
  for (const key of ['overview', 'problems', 'other']) {
    await page.click(`section[data-pointer="/${key}"] button.nb-edit-text`);
    await page.fill(`section[data-pointer="/${key}"] textarea`, model[key]);
    await page.click(`section[data-pointer="/${key}"] button.nb-edit-text`);
  }
  const state = page.locator('[data-testid="publish-state"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="publish-state"]')?.dataset.ready === 'true', null, { timeout: 5000 }).catch(async (e) => {
    const left = await page.$$eval('.nb-findings li[data-rule]', (lis) => lis.map((li) => `${li.dataset.rule} ${li.dataset.pointers}: ${li.querySelector('.nb-message')?.textContent}`));
    throw new Error(`not ready to publish: ${JSON.stringify(left, null, 1)}`);
  });
  assert.match(await state.textContent(), /可以发布/);
  await screenshot(page, 'write-05-ready-to-publish', false);
  // Published, and read back by the importer: the same cells and sections.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-write-'));
  for (const [action, file] of [['export-html', 'report.html'], ['export-docx', 'report.docx']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), exportItem(page, action)]);
    writeFileSync(path.join(dir, file), readFileSync(await download.path()));
    const imported = JSON.parse(execFileSync(cli, ['import', path.join(dir, file)], { encoding: 'utf8' }));
    for (const pointer of [...(await rows('proactive')).flat(), ...applications.flat(), ...appeals]) {
      const get = (doc) => pointer.split('/').slice(1).reduce((o, k) => o?.[k], doc);
      assert.equal(get(imported), at(pointer), `${file} ${pointer}`);
    }
    for (const key of ['overview', 'problems', 'other']) assert.equal(imported[key], model[key], `${file} ${key}`);
    assert.equal(imported.year, model.year);
  }
  await page.context().close();
});
