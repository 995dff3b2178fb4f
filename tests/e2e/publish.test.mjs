// End to end: publishing from the workstation (issue 14). The report on
// screen downloads as a static web page and as a Word file; the page, opened
// with JavaScript off, has no script, passes axe and looks like the official
// template at phone and desktop widths and in print; the Word file opens
// again in the app with every cell; printing prints the report alone or with
// its findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { axe, cell, newPage, openApp, sample, screenshot, setup, SCREENSHOTS, exportItem, openExportMenu } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

/** The app with the workstation on screen, showing 淮安 2024 (its JSON). */
async function workstationWithHuaian(page) {
  await openApp(page, server.base);
  // A report's text is the workstation's to import: it takes over.
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.txt'));
  await page.waitForSelector('[data-action=\"export-docx\"]', { state: 'attached' });
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await page.waitForSelector('[data-testid="import-notes"]', { state: 'detached' });
}

/**
 * Clicks and waits for the download. Prints (a figure, not a test) the time
 * the page took from the click to the file's blob: the export in wasm.
 */
async function download(page, click) {
  await page.evaluate(() => {
    window.exportTimes ??= [];
    addEventListener('click', () => { window.clickedAt = performance.now(); }, { capture: true, once: true });
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      window.exportTimes.push(performance.now() - window.clickedAt);
      URL.createObjectURL = create;
      return create(blob);
    };
  });
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const ms = await page.evaluate(() => window.exportTimes.at(-1));
  console.log(`# ${file.suggestedFilename()}: exported in ${ms.toFixed(1)} ms (click to file, in the browser)`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the report downloads as a static page and a Word file, and the Word file opens again with every cell', async () => {
  const page = await newPage(browser);
  await workstationWithHuaian(page);
  await screenshot(page, 'publish-01-tools', false);
  assert.deepEqual(await axe(page), []);

  const html = await download(page, () => exportItem(page, 'export-html'));
  assert.equal(html.name, '淮安市人民政府-2024.html');
  const text = html.bytes.toString('utf8');
  assert.ok(text.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
  assert.ok(!/<script/i.test(text), 'no script');
  assert.ok(!/\son[a-z]+=/i.test(text), 'no event handler');
  assert.match(text, /<td headers="[^"]+">3119<\/td>/);
  writeFileSync(path.join(SCREENSHOTS, 'publish-page.html'), html.bytes);

  // With the data block, asked for: the report's JSON rides along.
  await openExportMenu(page);
  await page.check('#nb-publish-data');
  const withData = await download(page, () => exportItem(page, 'export-html'));
  const data = withData.bytes.toString('utf8');
  assert.equal((data.match(/<script/g) ?? []).length, 1);
  const json = data.slice(data.indexOf('<script type="application/json">') + 32, data.indexOf('</script>'));
  assert.equal(JSON.parse(json).applications.received.total, 3119);

  const word = await download(page, () => exportItem(page, 'export-docx'));
  assert.equal(word.name, '淮安市人民政府-2024.docx');
  assert.equal(word.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  writeFileSync(path.join(SCREENSHOTS, 'publish-report.docx'), word.bytes);
  // Opened again, the Word file is the same report.
  await page.setInputFiles('input[type="file"]', path.join(SCREENSHOTS, 'publish-report.docx'));
  await page.waitForSelector('[data-testid="import-notes"]');
  for (const [pointer, value] of [
    ['/applications/received/total', '3119'],
    ['/applications/results/total/total', '3050'],
    ['/applications/results/other/misc/total', '110'],
    ['/proactive/fees/amount', '96171.6'],
    ['/appeals/review/total', '351'],
    ['/appeals/litigation_after_review/total', '20'],
  ]) {
    assert.equal(await cell(page, pointer), value, pointer);
  }
  assert.equal(await page.locator('[data-testid="import-notes"] .nb-note-missing').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the exported page works with JavaScript off: no violations, the official layout at 390 and 1280 px and in print', async () => {
  const file = pathToFileURL(path.join(SCREENSHOTS, 'publish-page.html')).href;
  for (const width of [390, 1280]) {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width, height: 900 } });
    await page.goto(file);
    assert.equal(await page.locator('h1').textContent(), '淮安市人民政府2024年政府信息公开工作年度报告');
    assert.equal(await page.locator('table').count(), 3);
    assert.equal(await page.locator('caption').count(), 3);
    await screenshot(page, `publish-02-page-${width}`);
    await page.locator('table.nianbao-applications').scrollIntoViewIfNeeded();
    await screenshot(page, `publish-03-table3-${width}`, false);
    await page.context().close();
  }
  // axe runs as a script of its own; the page has none to run.
  const page = await newPage(browser, { viewport: { width: 390, height: 900 } });
  await page.goto(file);
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await axe(page), []);
  await page.emulateMedia({ media: 'print' });
  const head = await page.$eval('table.nianbao-applications thead', (el) => getComputedStyle(el).display);
  assert.equal(head, 'table-header-group');
  const row = await page.$eval('table.nianbao-applications tbody tr', (el) => getComputedStyle(el).breakInside);
  assert.equal(row, 'avoid');
  await screenshot(page, 'publish-04-page-print');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(path.join(SCREENSHOTS, 'publish-page.pdf'), pdf);
  await page.context().close();
});

test('printing prints the report alone, or with its findings when asked', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.txt'));
  await page.waitForSelector('[data-action=\"print\"]', { state: 'attached' });
  await page.waitForSelector('[data-testid="import-notes"]');
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.json'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  await page.click('li[data-rule="t4-total"] button.nb-finding-button');
  // window.print() opens a dialog; here it records what would be printed.
  await page.evaluate(() => {
    window.printed = [];
    window.print = () => window.printed.push(document.documentElement.classList.contains('nb-print-findings'));
  });
  await exportItem(page, 'print');
  await page.emulateMedia({ media: 'print' });
  const shown = (selector) => page.$eval(selector, (el) => getComputedStyle(el).display !== 'none');
  assert.equal(await shown('.nb-findings'), false);
  assert.equal(await shown('.nb-summary'), false);
  assert.equal(await shown('.nb-appbar'), false);
  assert.equal(await shown('table.nb-grid-applications'), true);
  // No highlight tints: the flagged, selected cell prints white.
  const flagged = 'td[data-pointer="/appeals/review/total"]';
  assert.equal(await page.$eval(flagged, (el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
  await screenshot(page, 'publish-05-print-report');
  await page.emulateMedia({ media: 'screen' });

  await openExportMenu(page);
  await page.selectOption('select[aria-label="打印内容"]', 'findings');
  await exportItem(page, 'print');
  assert.deepEqual(await page.evaluate(() => window.printed), [false, true]);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await shown('.nb-findings'), true);
  assert.equal(await shown('.nb-summary'), true);
  assert.equal(await page.$eval(flagged, (el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
  assert.match(await page.$eval(flagged, (el) => getComputedStyle(el).outlineStyle), /solid/);
  await screenshot(page, 'publish-06-print-findings');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
