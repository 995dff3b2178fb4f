// End to end: a reviewer's batch. Real samples dropped together with
// generated and hostile files (a report whose 表三 is blank, the blank
// template, a truncated file, an array, a GBK file, text that is no report):
// the report area shows only a report of the batch, chosen from its summary;
// the totals are the sums of the rows; the mostly-skipped reports are said
// to be so and never counted clean; filters narrow the rows and the count;
// no accessibility violation and nothing wider than a phone. Checked in Web
// Workers or, when none can start, on the page, each row is what checking
// its file alone says; a thousand files show their progress and rows as
// they come, and a cancel keeps the rows so far.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeCorpus } from '../../bench/corpus.mjs';
import { ROOT, axe, fixture, newPage, openApp, sample, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

const SHOTS = '/tmp/batch-shots';
mkdirSync(SHOTS, { recursive: true });

const BUILTIN_TITLE = '高新技术产业开发区管理办公室 2024 年政府信息公开工作年度报告';

/** Every number under `value` made blank (null). */
function blank(value) {
  if (typeof value === 'number') return null;
  if (Array.isArray(value)) return value.map(blank);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  return value;
}

function batchFiles() {
  const json = (name, doc) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)) });
  const files = ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024']
    .map((n) => json(`${n}.json`, readFileSync(sample(`${n}.json`), 'utf8')));
  // 洪泽 2024 with 表三 left blank: most checks cannot run, and it has no error.
  const blankTables = JSON.parse(readFileSync(sample('hongze-district-2024.json'), 'utf8'));
  blankTables.agency = '洪泽区人民政府（表三空白）';
  blankTables.applications = blank(blankTables.applications);
  files.push(json('blank-tables.json', blankTables));
  // The blank template, as `nianbao new` starts it.
  const cli = path.join(ROOT, 'target/debug/nianbao');
  files.push(json('blank-template.json', execFileSync(cli, ['new', '--year', '2024', '--agency', '某某县统计局']).toString()));
  for (const name of ['known-errors.json', 'truncated.json', 'not-an-object.json', 'gbk.json']) {
    files.push({ name, mimeType: 'application/json', buffer: readFileSync(fixture(name)) });
  }
  files.push({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要：下周一上午九点开会。') });
  return files;
}

/** The rows as data: file, verdict and the eight counts (— is none). */
async function rows(page) {
  return page.$$eval('[data-testid="batch-row"]', (trs) => trs.map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
    const n = (text) => (text === '—' ? 0 : Number(text));
    return {
      file: tr.dataset.file,
      verdict: tr.dataset.verdict,
      verdictText: cells[1],
      errors: n(cells[2]),
      warnings: n(cells[3]),
      parts: cells.slice(4, 9).map(n),
    };
  }));
}

async function totals(page) {
  return page.$eval('[data-testid="batch-totals"]', (p) => ({
    text: p.textContent,
    shown: Number(p.dataset.shown),
    total: Number(p.dataset.total),
    errors: Number(p.dataset.errors),
    warnings: Number(p.dataset.warnings),
    withErrors: Number(p.dataset.withErrors),
    unread: Number(p.dataset.unread),
    mostlyUnchecked: Number(p.dataset.mostlyUnchecked),
    clean: Number(p.dataset.clean),
    sums: [...document.querySelectorAll('[data-testid="batch-sums"] td')].slice(0, 7).map((td) => Number(td.textContent)),
  }));
}

/** The totals are the rows' sums and counts, in the line and in the table's foot. */
async function assertTotalsAreSums(page) {
  const r = await rows(page);
  const t = await totals(page);
  const sum = (f) => r.reduce((s, row) => s + f(row), 0);
  assert.equal(t.shown, r.length);
  assert.equal(t.errors, sum((x) => x.errors));
  assert.equal(t.warnings, sum((x) => x.warnings));
  assert.equal(t.withErrors, r.filter((x) => x.errors > 0).length);
  assert.equal(t.unread, r.filter((x) => x.verdict === 'Unread').length);
  assert.equal(t.mostlyUnchecked, r.filter((x) => x.verdict === 'MostlyUnchecked').length);
  assert.equal(t.clean, r.filter((x) => x.verdict === 'Clean').length);
  assert.deepEqual(t.sums, [t.errors, t.warnings, ...[0, 1, 2, 3, 4].map((i) => sum((x) => x.parts[i]))]);
  // A row's parts add up to its errors and warnings.
  for (const row of r) assert.equal(row.parts.reduce((a, b) => a + b, 0), row.errors + row.warnings, row.file);
  return { r, t };
}

/** Elements wider than the viewport, or reaching past it, outside a scroll container. */
async function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.querySelectorAll('.nb-app *')) {
      const r = el.getBoundingClientRect();
      // Not drawn: inside a closed <details> (the paste box), or fixed (the drop overlay).
      if (r.width === 0 || el.closest('details:not([open]) > :not(summary)') || getComputedStyle(el).position === 'fixed') continue;
      if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    return out.slice(0, 10);
  });
}

async function dropBatch(page, files = batchFiles()) {
  await page.setInputFiles('input[type="file"]', files);
  await page.waitForSelector('[data-testid="batch"][data-done="true"]');
}

async function setLang(page, lang) {
  const current = await page.getAttribute('.nb-app', 'lang');
  if ((lang === 'en') !== (current === 'en')) {
    await page.click('.nb-lang');
    await page.waitForFunction((l) => document.querySelector('.nb-app').getAttribute('lang').startsWith(l), lang);
  }
}

test('a batch: only its own reports on screen, totals that are the sums of the rows, mostly skipped never clean, filters', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  assert.match(await page.textContent('h1'), new RegExp(BUILTIN_TITLE));
  await dropBatch(page);
  // The built-in sample is gone: the report area asks for a report of the batch.
  assert.equal(await page.locator('.nb-report h1').count(), 0);
  assert.equal(await page.locator('.nb-findings').count(), 0);
  assert.equal(await page.locator('[data-testid="summary"]').count(), 0);
  await page.waitForSelector('[data-testid="batch-choose"]');

  const { r, t } = await assertTotalsAreSums(page);
  assert.equal(r.length, 11);
  assert.equal(t.total, 11);
  assert.match(t.text, /显示 11 \/ 11 份/);
  const by = Object.fromEntries(r.map((row) => [row.file, row]));
  // Mostly skipped: a label of its own, not 0 errors as if clean, not counted clean.
  for (const file of ['blank-tables.json', 'blank-template.json']) {
    assert.equal(by[file].verdict, 'MostlyUnchecked', file);
    assert.match(by[file].verdictText, /^多数检查未能运行/, file);
    assert.equal(by[file].errors, 0, file);
  }
  assert.equal(t.mostlyUnchecked, 2);
  assert.deepEqual(r.filter((x) => x.verdict === 'Clean').map((x) => x.file).sort(), ['huaian-city-2024.json', 'jiyuan-hitech-zone-2024.json']);
  for (const file of ['truncated.json', 'not-an-object.json', 'gbk.json', 'notes.txt']) assert.equal(by[file].verdict, 'Unread', file);
  assert.equal(by['hongze-district-2023.json'].verdict, 'Errors');
  assert.deepEqual(by['hongze-district-2023.json'].parts, [0, 1, 2, 0, 0]);
  // The worst first: the unread files, then the mostly unchecked.
  assert.deepEqual(r.slice(0, 6).map((x) => x.verdict), ['Unread', 'Unread', 'Unread', 'Unread', 'MostlyUnchecked', 'MostlyUnchecked']);
  // A GBK file says why in its row.
  assert.match(await page.textContent('[data-testid="batch-row"][data-file="gbk.json"]'), /GBK/);

  // Sorting by 表三 puts the blank template's 175 blank cells first; aria-sort follows.
  await page.click('[data-testid="batch"] th button:has-text("表三")');
  assert.equal((await rows(page))[0].file, 'blank-template.json');
  assert.equal(await page.getAttribute('[data-testid="batch"] th:has(button:has-text("表三"))', 'aria-sort'), 'descending');

  // Choosing a row shows that report, and only that one.
  await page.locator('[data-testid="batch-row"][data-file="hongze-district-2023.json"] button').click();
  await page.waitForFunction(() => document.querySelector('.nb-report h1')?.textContent.includes('洪泽区人民政府2023'));
  assert.equal(await page.getAttribute('[data-testid="batch-row"][data-file="hongze-district-2023.json"]', 'aria-current'), 'true');
  await page.waitForSelector('li[data-rule="t4-total"]');
  assert.equal(await page.locator('[data-testid="batch-choose"]').count(), 0);
  // The mostly skipped report: its summary says so first, never as clean,
  // and its 162 blank cells of 表三 are one line that opens onto them.
  await page.locator('[data-testid="batch-row"][data-file="blank-tables.json"] button').click();
  await page.waitForSelector('[data-testid="mostly-unchecked"]');
  assert.match(await page.textContent('.nb-report'), /blank-tables\.json/);
  assert.equal(await page.getAttribute('[data-testid="batch-row"][data-file="blank-tables.json"]', 'aria-current'), 'true');
  assert.match(await page.textContent('[data-testid="mostly-unchecked"]'), /多数检查未能运行/);
  assert.ok(!(await page.getAttribute('[data-testid="summary"]', 'class')).includes('nb-clean'));
  const group = page.locator('.nb-findings li.nb-finding-group[data-group-rule="cell-blank"][data-part="applications"]');
  assert.ok(Number(await group.getAttribute('data-count')) > 100);
  const cards = await page.$$eval('.nb-findings li.nb-finding', (lis) => lis.filter((li) => !li.closest('details')).length);
  assert.ok(cards < 10, `${cards} cards outside the groups`);
  await page.screenshot({ path: `${SHOTS}/zh-1280-mostly-unchecked.png` });

  // Filters combine; the totals follow the rows shown.
  await page.fill('[data-testid="filter-agency"]', '洪泽');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 3);
  let shown = await assertTotalsAreSums(page);
  assert.match(shown.t.text, /显示 3 \/ 11 份/);
  assert.ok(shown.r.every((x) => x.file.startsWith('hongze') || x.file === 'blank-tables.json'));
  await page.selectOption('[data-testid="filter-year"]', '2024');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 2);
  await page.selectOption('[data-testid="filter-show"]', 'mostly-unchecked');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 1);
  shown = await assertTotalsAreSums(page);
  assert.deepEqual(shown.r.map((x) => x.file), ['blank-tables.json']);
  assert.match(shown.t.text, /显示 1 \/ 11 份/);
  await page.fill('[data-testid="filter-agency"]', '');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 2);
  await page.selectOption('[data-testid="filter-year"]', '');
  await page.selectOption('[data-testid="filter-show"]', 'errors');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 2);
  shown = await assertTotalsAreSums(page);
  assert.deepEqual(shown.r.map((x) => x.file).sort(), ['hongze-district-2023.json', 'known-errors.json']);
  await page.selectOption('[data-testid="filter-show"]', 'clean');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 2);
  await page.selectOption('[data-testid="filter-show"]', 'all');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 11);

  // Closed: the report that was on screen before the batch comes back.
  await page.click('[data-testid="batch"] .nb-batch-heading button');
  await page.waitForSelector('[data-testid="batch"]', { state: 'detached' });
  assert.match(await page.textContent('.nb-report h1'), new RegExp(BUILTIN_TITLE));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an edit to a subordinate\'s report in a batch changes the aggregate check on screen; undo brings it back', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  const text = (n) => readFileSync(sample(`${n}.json`), 'utf8');
  const huaian = JSON.parse(text('huaian-city-2024'));
  await dropBatch(page, ['huaian-city-2024', 'jiyuan-hitech-zone-2024']
    .map((n) => ({ name: `${n}.json`, mimeType: 'application/json', buffer: Buffer.from(text(n)) })));
  await page.waitForSelector('[data-testid="aggregate"]');
  const differences = () => page.$$eval('[data-testid="aggregate"] li[data-rule="aggregate-sum"]',
    (lis) => lis.map((li) => li.getAttribute('data-pointers').split(' ')[0]));
  const before = await differences();
  const said = await page.textContent('[data-testid="aggregate"] > p');
  // A difference at a number 淮安 filled; 济源 is the one subordinate, so
  // its cell made the same as 淮安's takes the difference away.
  const at = (doc, pointer) => pointer.split('/').slice(1).reduce((v, k) => v?.[k], doc);
  const pointer = before.find((p) => typeof at(huaian, p) === 'number');
  assert.ok(pointer, `a difference at a number: ${before.join(', ')}`);
  await page.locator('[data-testid="batch-row"][data-file="jiyuan-hitech-zone-2024.json"] button').click();
  await page.waitForFunction(() => document.querySelector('.nb-report')?.textContent.includes('jiyuan-hitech-zone-2024.json'));
  await page.dblclick(`td[data-pointer="${pointer}"]`);
  const input = page.locator(`td[data-pointer="${pointer}"] input.nb-cell-input`);
  await input.fill(String(at(huaian, pointer)));
  await input.press('Enter');
  await page.waitForFunction((p) => ![...document.querySelectorAll('[data-testid="aggregate"] li[data-rule="aggregate-sum"]')]
    .some((li) => li.getAttribute('data-pointers').split(' ')[0] === p), pointer);
  const after = await differences();
  assert.equal(after.length, before.length - 1, `${pointer}: ${after.join(', ')}`);
  assert.notEqual(await page.textContent('[data-testid="aggregate"] > p'), said);
  await page.locator('[data-testid="aggregate"]').screenshot({ path: `${SHOTS}/zh-1280-aggregate-after-edit.png` });
  // Undone: the check is as it was.
  await page.click('[data-action="undo"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="aggregate"] li[data-rule="aggregate-sum"]').length === n, before.length);
  assert.deepEqual(await differences(), before);
  assert.equal(await page.textContent('[data-testid="aggregate"] > p'), said);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a batch at 390 and 1280 px, in Chinese and in English: no accessibility violation, nothing wider than a phone', async () => {
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const page = await newPage(browser, { viewport: size });
    await openApp(page, server.base);
    await dropBatch(page);
    for (const lang of ['zh', 'en']) {
      await setLang(page, lang);
      await page.waitForSelector('[data-testid="batch-choose"]');
      if (lang === 'en') assert.match(await page.textContent('[data-testid="batch-totals"]'), /Showing 11 of 11/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${lang}-${size.width}-summary.png`, fullPage: size.width === 390 });
      assert.deepEqual(await axe(page), [], `${lang} ${size.width} summary`);
      if (size.width === 390) assert.deepEqual(await overflowing(page), [], `${lang} summary`);
    }
    // A report chosen, in both languages.
    await page.locator('[data-testid="batch-row"][data-file="hongze-district-2023.json"] button').click();
    await page.waitForSelector('li[data-rule="t4-total"]');
    for (const lang of ['en', 'zh']) {
      await setLang(page, lang);
      await page.screenshot({ path: `${SHOTS}/${lang}-${size.width}-report.png` });
      assert.deepEqual(await axe(page), [], `${lang} ${size.width} report`);
      if (size.width === 390) assert.deepEqual(await overflowing(page), [], `${lang} report`);
    }
    await page.locator('[data-testid="batch-row"][data-file="blank-template.json"] button').click();
    await page.waitForSelector('[data-testid="mostly-unchecked"]');
    await page.screenshot({ path: `${SHOTS}/zh-${size.width}-blank-template.png` });
    assert.deepEqual(await axe(page), [], `${size.width} blank template`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

/** A PDF with one page of text that is no report. */
function notAReportPdf() {
  const text = 'BT /F1 24 Tf 72 720 Td (Meeting notes, Monday 9 am) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The real samples (one as its published PDF) and hostile files. */
function mixedFiles() {
  const files = ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024']
    .map((n) => ({ name: `${n}.json`, mimeType: 'application/json', buffer: readFileSync(sample(`${n}.json`)) }));
  files.push({ name: 'huaian-city-2024.pdf', mimeType: 'application/pdf', buffer: readFileSync(sample('huaian-city-2024.pdf')) });
  files.push({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要：下周一上午九点开会。') });
  files.push({ name: 'truncated.json', mimeType: 'application/json', buffer: readFileSync(fixture('truncated.json')) });
  files.push({ name: 'meeting.pdf', mimeType: 'application/pdf', buffer: notAReportPdf() });
  files.push({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  files.push({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('\u0000\u0001\u0002 binary, not JSON') });
  return files;
}

/** What the command line says of one JSON file alone: its errors and warnings. */
function alone(file, dir) {
  const cli = path.join(ROOT, 'target/debug/nianbao');
  const where = path.join(dir, file.name);
  writeFileSync(where, file.buffer);
  // It exits 1 when the file has errors: its output is what counts here.
  const out = JSON.parse(spawnSync(cli, ['check', where, '--format', 'json']).stdout.toString());
  return out.summary;
}

test('a mixed batch: in workers and on the page alike, each row is what checking its file alone says', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-batch-'));
  const files = mixedFiles();
  // The PDFs, imported by the command line (the same importer) and checked:
  // the published one, and one whose text is no report (imported with
  // nothing in its tables, so mostly unchecked, never clean).
  const cli = path.join(ROOT, 'target/debug/nianbao');
  const pdfAlone = {};
  for (const file of files.filter((f) => f.name.endsWith('.pdf'))) {
    const pdf = path.join(dir, file.name);
    writeFileSync(pdf, file.buffer);
    spawnSync(cli, ['import', pdf, '--out', `${pdf}.json`]);
    pdfAlone[file.name] = JSON.parse(spawnSync(cli, ['check', `${pdf}.json`, '--format', 'json']).stdout.toString()).summary;
  }
  assert.equal(summaryVerdict(pdfAlone['meeting.pdf']), 'MostlyUnchecked');
  const seen = {};
  for (const way of ['workers', 'page']) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    // No worker script: the page checks the files itself, and says nothing of it.
    if (way === 'page') await page.route('**/batch-worker.js', (route) => route.abort());
    await openApp(page, server.base);
    await dropBatch(page, files);
    const workers = Number(await page.getAttribute('[data-testid="batch"]', 'data-workers'));
    if (way === 'workers') assert.ok(workers >= 1, `${workers} workers`);
    else assert.equal(workers, 0);
    const { r, t } = await assertTotalsAreSums(page);
    assert.equal(t.total, files.length);
    const by = Object.fromEntries(r.map((row) => [row.file, row]));
    for (const file of files.slice(0, 4)) {
      const summary = alone(file, dir);
      assert.equal(by[file.name].errors, summary.errors, `${way} ${file.name}`);
      assert.equal(by[file.name].warnings, summary.warnings, `${way} ${file.name}`);
      assert.notEqual(by[file.name].verdict, 'Unread');
    }
    for (const [name, summary] of Object.entries(pdfAlone)) {
      assert.equal(by[name].verdict, summaryVerdict(summary), `${way} ${name}`);
      assert.equal(by[name].errors, summary.errors, `${way} ${name}`);
      assert.equal(by[name].warnings, summary.warnings, `${way} ${name}`);
    }
    for (const name of ['notes.txt', 'truncated.json', 'empty.json', 'not-json.json']) {
      assert.equal(by[name].verdict, 'Unread', `${way} ${name}`);
      const reason = await page.textContent(`[data-testid="batch-row"][data-file="${name}"] .nb-batch-reason`);
      assert.ok(reason.trim().length > 5, `${way} ${name}: ${reason}`);
    }
    // A row opened is read again from its file: the report and its findings.
    await page.locator('[data-testid="batch-row"][data-file="hongze-district-2023.json"] button').click();
    await page.waitForSelector('li[data-rule="t4-total"]');
    assert.match(await page.textContent('.nb-report h1'), /洪泽区人民政府2023/);
    await page.locator('[data-testid="batch-row"][data-file="huaian-city-2024.pdf"] button').click();
    await page.waitForFunction(() => document.querySelector('.nb-report')?.textContent.includes('huaian-city-2024.pdf'));
    seen[way] = r.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(page.errors.filter((e) => !/batch-worker/.test(e)), [], way);
    await page.context().close();
  }
  assert.deepEqual(seen.workers, seen.page);
});

/** Both exports of the batch on screen, as downloaded: the summary CSV's text and the findings JSON's. */
async function exports(page) {
  // The most workers any export said it had (data-workers on its progress).
  await page.evaluate(() => {
    window.__exportWorkers = 0;
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="batch-exporting"]');
      if (p) window.__exportWorkers = Math.max(window.__exportWorkers, Number(p.dataset.workers));
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  const got = {};
  for (const [key, label] of [['csv', '导出汇总 CSV'], ['json', '导出全部结果 JSON']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.nb-batch-actions button:has-text("${label}")`)]);
    got[key] = readFileSync(await download.path(), 'utf8');
    await page.waitForSelector('[data-testid="batch-exporting"]', { state: 'detached' });
  }
  got.workers = await page.evaluate(() => window.__exportWorkers);
  return got;
}

test('the exports: made in workers or on the page, the same bytes; each file\'s findings what the command line says of it alone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-export-'));
  const files = mixedFiles();
  const made = {};
  for (const way of ['workers', 'page']) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    if (way === 'page') await page.route('**/batch-worker.js', (route) => route.abort());
    await openApp(page, server.base);
    await dropBatch(page, files);
    // A report opened and edited on screen: the exports hold its edit.
    await page.locator('[data-testid="batch-row"][data-file="hongze-district-2024.json"] button').click();
    await page.waitForSelector('.nb-report h1');
    made[way] = await exports(page);
    if (way === 'workers') assert.ok(made[way].workers >= 1, `${made[way].workers} workers made the exports`);
    else assert.equal(made[way].workers, 0);
    assert.deepEqual(page.errors.filter((e) => !/batch-worker/.test(e)), [], way);
    await page.context().close();
  }
  assert.equal(made.workers.csv, made.page.csv);
  assert.equal(made.workers.json, made.page.json);
  const all = JSON.parse(made.workers.json);
  assert.deepEqual(all.map((f) => f.file), files.map((f) => f.name));
  const csv = made.workers.csv.split('\r\n');
  const findings = csv.slice(csv.indexOf('file,rule,severity,pointer,message') + 1).filter(Boolean);
  for (const file of files) {
    const entry = all.find((f) => f.file === file.name);
    // The CSV's findings of the file are its JSON's, one line each.
    assert.equal(findings.filter((line) => line.startsWith(`${file.name},`)).length, entry.diagnostics.length, file.name);
    if (!file.name.endsWith('.json') || entry.diagnostics.some((d) => d.rule.startsWith('aggregate'))) continue;
    const where = path.join(dir, file.name);
    writeFileSync(where, file.buffer);
    const { file: _, ...own } = entry;
    const cli = JSON.parse(spawnSync(path.join(ROOT, 'target/debug/nianbao'), ['check', where, '--format', 'json']).stdout.toString());
    assert.deepEqual(own, cli, file.name);
  }
  // The unreadable files are in the export, with why.
  assert.equal(all.find((f) => f.file === 'truncated.json').diagnostics[0].rule, 'json-syntax');
});

test('a file moved or deleted after it was chosen: left out of both exports as the command line leaves it out, and named on screen', async () => {
  for (const way of ['workers', 'page']) {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-gone-'));
    const paths = ['jiyuan-hitech-zone-2024', 'hongze-district-2023', 'hongze-district-2024'].map((n) => {
      const where = path.join(dir, `${n}.json`);
      writeFileSync(where, readFileSync(sample(`${n}.json`)));
      return where;
    });
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    if (way === 'page') await page.route('**/batch-worker.js', (route) => route.abort());
    await openApp(page, server.base);
    await dropBatch(page, paths);
    // Checked, then gone from the disk before the export reads it again.
    rmSync(paths[0]);
    const got = await exports(page);
    const all = JSON.parse(got.json);
    assert.deepEqual(all.map((f) => f.file), ['hongze-district-2023.json', 'hongze-district-2024.json'], way);
    const csv = got.csv.split('\r\n');
    const at = csv.indexOf('file,rule,severity,pointer,message');
    // Its row stays in the summary's lines; no finding of it is made up.
    assert.ok(csv.slice(1, at).some((line) => line.startsWith('jiyuan-hitech-zone-2024.json,')), way);
    assert.ok(!csv.slice(at + 1).some((line) => line.startsWith('jiyuan-hitech-zone-2024.json,')), way);
    assert.ok(csv.slice(at + 1).some((line) => line.startsWith('hongze-district-2023.json,')), way);
    const notice = page.locator('[data-testid="batch-left-out"]');
    assert.equal(await notice.getAttribute('data-count'), '1', way);
    assert.match(await notice.textContent(), /导出的结果不含 1 份文件的检查结果：jiyuan-hitech-zone-2024\.json。/, way);
    if (way === 'workers') {
      await notice.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/zh-390-export-left-out.png` });
    }
    await notice.locator('button').click();
    assert.equal(await notice.count(), 0, way);
    assert.deepEqual(page.errors.filter((e) => !/batch-worker/.test(e)), [], way);
    await page.context().close();
  }
});

function summaryVerdict(s) {
  if (s.checks_skipped > s.checks_run) return 'MostlyUnchecked';
  if (s.errors > 0) return 'Errors';
  if (s.warnings > 0) return 'Warnings';
  return 'Clean';
}

test('a thousand reports: progress to N of N, the summary as rows arrive; a cancel keeps the rows so far and says how many were not checked', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-corpus-'));
  const paths = makeCorpus(dir, 1000);
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  // Every progress figure the page shows, as it shows it.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="batch-progress"]');
      const rows = document.querySelectorAll('[data-testid="batch-row"]').length;
      if (p) window.__progress.push({ checked: Number(p.dataset.checked), total: Number(p.dataset.total), rows });
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForSelector('[data-testid="batch"][data-done="true"]');
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length > 0, 'progress was shown');
  assert.ok(progress.every((p) => p.total === 1000));
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].checked >= progress[i - 1].checked, 'progress never goes back');
  // Rows were on screen before the end.
  assert.ok(progress.some((p) => p.rows > 0 && p.checked < 1000), JSON.stringify(progress.slice(0, 5)));
  // The first hundred rows are drawn; the totals count all.
  let t = await totals(page);
  assert.equal(t.total, 1000);
  assert.equal(await page.locator('[data-testid="batch-row"]').count(), 100);
  assert.match(t.text, /显示 1000 \/ 1000 份/);
  // One file in ten has 表三 blank but its totals, one in ten totals one too many.
  assert.equal(t.withErrors >= 100, true, `${t.withErrors} with errors`);
  assert.equal(await page.locator('[data-testid="batch-stopped"]').count(), 0);

  // The findings of all thousand exported: progress while the pieces are
  // made, both buttons off meanwhile, then one array of a thousand.
  await page.evaluate(() => {
    window.__exporting = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="batch-exporting"]');
      const off = [...document.querySelectorAll('.nb-batch-actions button')].every((b) => b.disabled);
      if (p) window.__exporting.push({ done: Number(p.dataset.done), total: Number(p.dataset.total), off, text: p.textContent });
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.nb-batch-actions button:has-text("导出全部结果 JSON")')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.length, 1000);
  assert.equal(exported.filter((f) => f.summary.errors > 0).length, t.withErrors);
  const exporting = await page.evaluate(() => window.__exporting);
  assert.ok(exporting.length > 0 && exporting.every((p) => p.total === 1000 && p.off), JSON.stringify(exporting.slice(0, 3)));
  assert.match(exporting[0].text, /正在准备全部结果 JSON：已处理 \d+ \/ 1000 份/);
  await page.waitForSelector('[data-testid="batch-exporting"]', { state: 'detached' });
  assert.ok(await page.locator('.nb-batch-actions button').evaluateAll((bs) => bs.every((b) => !b.disabled)));

  // Again, stopped early: the rows so far stay, and the page says how many were not checked.
  // The stop is pressed from inside the page at the first render that shows
  // some rows checked and some not: a click from the test, a round trip
  // later, can come after a fast machine has checked all 1,000.
  await page.evaluate(() => {
    window.__stoppedAt = null;
    const watch = new MutationObserver(() => {
      const p = document.querySelector('[data-testid="batch-progress"]');
      const checked = Number(p?.dataset.checked);
      if (!(checked > 0 && checked < Number(p.dataset.total))) return;
      watch.disconnect();
      window.__stoppedAt = checked;
      document.querySelector('[data-testid="batch-cancel"]').click();
    });
    watch.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForSelector('[data-testid="batch-stopped"]');
  const stoppedAt = await page.evaluate(() => window.__stoppedAt);
  const checked = Number(await page.getAttribute('[data-testid="batch-totals"]', 'data-total'));
  const unchecked = Number(await page.getAttribute('[data-testid="batch-stopped"]', 'data-unchecked'));
  assert.ok(checked > 0 && checked < 1000, `${checked} checked`);
  assert.ok(checked >= stoppedAt, `${checked} kept, ${stoppedAt} on screen when stop was pressed`);
  assert.equal(checked + unchecked, 1000);
  assert.match(await page.textContent('[data-testid="batch-stopped"]'), new RegExp(`已检查 ${checked} 份，其余 ${unchecked} 份未检查`));
  await new Promise((r) => setTimeout(r, 500));
  t = await totals(page);
  assert.equal(t.total, checked, 'no row arrives after the cancel');
  assert.equal(t.shown, checked);
  await page.screenshot({ path: `${SHOTS}/zh-1280-stopped.png` });
  await setLang(page, 'en');
  assert.match(await page.textContent('[data-testid="batch-stopped"]'), new RegExp(`${checked} checked; the other ${unchecked} were not checked`));
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await overflowing(page), [], 'stopped, on a phone');
  await page.screenshot({ path: `${SHOTS}/en-390-stopped.png` });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
