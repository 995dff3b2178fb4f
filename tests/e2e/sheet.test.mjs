// End to end: filling the tables like a spreadsheet. Moving with the arrow
// keys, Tab and Enter; typing on a selected cell; Escape and F2; pasting a
// row and a whole 表三 from Excel-like text, undone in one step; a block
// that does not fit; copying a range out; what a number cell says when it
// receives words. Screenshots at a phone's and a desktop's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, cell, newPage, openApp, sample, screenshot, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

const RECEIVED = '/applications/received/natural_person';
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const td = (pointer) => `td[data-pointer="${pointer}"]`;

/** The app with the workstation loaded (a double-click on a cell, then Escape), the focus on that cell. */
async function workstation(page, size) {
  await openApp(page, server.base);
  if (size) await page.setViewportSize(size);
  await page.dblclick(td(RECEIVED));
  await page.waitForSelector(`${td(RECEIVED)} input.nb-cell-input`);
  await page.waitForFunction(() => document.activeElement?.matches('input.nb-cell-input'));
  await page.keyboard.press('Escape');
  await page.waitForSelector(`${td(RECEIVED)} input.nb-cell-input`, { state: 'detached' });
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.pointer ?? document.activeElement?.tagName);

/** Waits until the cell reads `value` (or, with `equal` false, anything else). */
async function waitCell(page, pointer, value, equal = true) {
  await page.waitForFunction(([pointer, value, equal]) => {
    const el = document.querySelector(`td[data-pointer="${pointer}"]`);
    const text = (el?.querySelector('.nb-cell-text') ?? el)?.textContent.trim();
    return (text === value) === equal;
  }, [pointer, value, equal]);
}

/** Dispatches a paste of `text` at the focused element, as a browser does (clipboardData). */
async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A copy at the focused element; returns what was put on the clipboard. */
async function copy(page) {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

test('the keyboard fills cells as in Excel: typing, Enter, Tab, arrows, Escape, F2, and the focus stays', async () => {
  const page = await newPage(browser);
  await workstation(page);
  // Escape took the editor away and left the focus on its cell.
  assert.equal(await focused(page), RECEIVED);
  // Typing on a selected cell starts editing it with that key.
  await page.keyboard.type('31');
  assert.equal(await page.inputValue(`${td(RECEIVED)} input`), '31');
  await page.keyboard.press('Enter');
  assert.equal(await cell(page, RECEIVED), '31');
  assert.equal(await focused(page), '/applications/carried_over/natural_person');
  await page.waitForSelector('li[data-rule="t3-row-total"]');
  // Arrows move between value cells; Tab moves right and Shift+Tab back.
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), '/applications/carried_over/commercial');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, '/applications/carried_over/commercial'), '5');
  assert.equal(await focused(page), '/applications/carried_over/research');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), '/applications/received/commercial');
  // Enter on a selected cell moves down, Shift+Enter up.
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), '/applications/carried_over/commercial');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(page), '/applications/received/commercial');
  // Tab at a row's end goes to the next row's first value cell.
  await page.focus(td('/applications/received/total'));
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), '/applications/carried_over/natural_person');
  // Up from the first row stays; left from the first column stays.
  await page.focus(td(RECEIVED));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(page), RECEIVED);
  // Escape takes a typed value back, and the cell keeps the focus.
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  assert.equal(await cell(page, RECEIVED), '31');
  assert.equal(await focused(page), RECEIVED);
  // F2 edits in place: the caret after the text, arrows move the caret.
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('0');
  assert.equal(await page.inputValue(`${td(RECEIVED)} input`), '301');
  await page.keyboard.press('Enter');
  assert.equal(await cell(page, RECEIVED), '301');
  // Undo keeps the focus where it is.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Z');
  await waitCell(page, '/applications/received/natural_person', '31');
  assert.equal(await focused(page), '/applications/carried_over/commercial');
  // 表二: down from a three-column row reaches the one-cell row below.
  await page.focus(td('/proactive/normative_documents/repealed'));
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), '/proactive/licensing/decisions');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a number cell that receives words says it will store text', async () => {
  const page = await newPage(browser, DESKTOP);
  await workstation(page);
  await page.focus(td('/applications/received/commercial'));
  await page.keyboard.press('F2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('三');
  const note = page.locator(`${td('/applications/received/commercial')} [data-testid="stored-as-text"]`);
  await note.waitFor();
  assert.equal(await note.textContent(), '将保存为文字，不是数字');
  assert.equal(
    await page.getAttribute(`${td('/applications/received/commercial')} input`, 'aria-describedby'),
    await note.getAttribute('id'),
  );
  await screenshot(page, 'sheet-01-stored-as-text-1280', false);
  assert.deepEqual(await axe(page), []);
  // A number again: the note goes.
  await page.fill(`${td('/applications/received/commercial')} input`, '2');
  await note.waitFor({ state: 'detached' });
  await page.keyboard.press('Enter');
  // Committed as text, the check says so.
  await page.focus(td('/applications/received/commercial'));
  await page.keyboard.press('F2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('无');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${td('/applications/received/commercial')}[data-severity]`);
  assert.ok(await page.locator('li[data-rule="cell-text"]').count() >= 1);
  await page.context().close();
});

test('a row pasted from Excel fills rightwards, and one undo takes it back', async () => {
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  await workstation(page);
  // The real clipboard and Ctrl+V: the browser's own paste event.
  await page.evaluate(() => navigator.clipboard.writeText('3\t1\t0\t0\t2\t0\t6\r\n'));
  await page.keyboard.press('Control+V');
  await waitCell(page, '/applications/received/total', '6');
  const row = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'];
  const values = async (r) => Promise.all(row.map((c) => cell(page, `/applications/${r}/${c}`)));
  assert.deepEqual(await values('received'), ['3', '1', '0', '0', '2', '0', '6']);
  // Not a report to open: the same report is on screen.
  assert.match(await page.textContent('h1'), /高新技术产业开发区/);
  assert.equal(await focused(page), RECEIVED);
  // The pasted cells are the selected range.
  assert.equal(await page.locator('td.nb-in-range').count(), 7);
  // A row of numbers separated by spaces, full-width digits, a dash and a unit.
  await page.focus(td('/applications/carried_over/natural_person'));
  await paste(page, '１ — 0 0 3 件 0 1');
  assert.deepEqual(await values('carried_over'), ['1', '—', '0', '0', '3件', '0', '1']);
  // One step of undo each.
  await page.keyboard.press('Control+Z');
  await waitCell(page, '/applications/carried_over/total', '0');
  assert.deepEqual(await values('received'), ['3', '1', '0', '0', '2', '0', '6']);
  await page.keyboard.press('Control+Z');
  await waitCell(page, '/applications/received/total', '1');
  assert.deepEqual(await values('received'), ['1', '0', '0', '0', '0', '0', '1']);
  // Pasted into a cell's editor, a row still fills the row.
  await page.focus(td(RECEIVED));
  await page.keyboard.press('F2');
  await paste(page, '2 0 0 0 0 0 2');
  await waitCell(page, '/applications/received/total', '2');
  assert.deepEqual(await values('received'), ['2', '0', '0', '0', '0', '0', '2']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a whole 表三 pasted in one go, and a block that does not fit is refused with the count', async () => {
  const page = await newPage(browser, DESKTOP);
  await workstation(page);
  // 淮安's 表三, row by row in printed order, as Excel copies it.
  const huaian = JSON.parse(readFileSync(sample('huaian-city-2024.json'), 'utf8'));
  const pointers = await page.$$eval('.nb-grid-applications tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td[data-pointer]')].map((td) => td.dataset.pointer)).filter((r) => r.length));
  assert.equal(pointers.flat().length, 175);
  const at = (pointer) => pointer.split('/').slice(1).reduce((o, k) => o?.[k], huaian);
  const text = pointers.map((row) => row.map((p) => at(p) ?? '').join('\t')).join('\r\n') + '\r\n';
  await paste(page, text);
  await waitCell(page, '/applications/received/total', '3119');
  for (const pointer of pointers.flat()) {
    assert.equal(await cell(page, pointer), String(at(pointer) ?? ''), pointer);
  }
  await page.keyboard.press('Control+Z');
  await waitCell(page, '/applications/received/total', '1');

  // Three columns from the sixth: two of each row fit; nothing is pasted.
  await page.click(td('/applications/received/other_org'));
  await paste(page, '1\t2\t3\r\n4\t5\t6\r\n');
  const refusal = page.locator('.nb-applications [data-testid="paste-refused"]');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /粘贴的内容有 2 行 3 列（6 个单元格），从所选单元格起本表只放得下其中 4 个/);
  assert.equal(await cell(page, '/applications/received/other_org'), '0');
  assert.equal(await focused(page), '/applications/received/other_org');
  await screenshot(page, 'sheet-02-refused-1280', false);
  assert.deepEqual(await axe(page), []);
  // In English through the language switch.
  await page.click('button:has-text("English")');
  assert.match(await refusal.textContent(), /only 4 of them fit in this table, so nothing was pasted/);
  await page.click('[data-testid="paste-refused"] button');
  await refusal.waitFor({ state: 'detached' });
  await page.context().close();
});

test('a range selected with Shift+arrows or a drag copies as tab-separated text', async () => {
  const page = await newPage(browser, DESKTOP);
  await workstation(page);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await page.focus(td('/applications/received/legal_service'));
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await page.locator('td.nb-in-range').count(), 6);
  assert.equal(await focused(page), '/applications/received/legal_service');
  assert.equal(await copy(page), '61\t4\t3119\r\n0\t0\t34\r\n');
  await screenshot(page, 'sheet-03-range-1280', false);
  assert.deepEqual(await axe(page), []);
  // A drag from 表四's first cell to its third.
  await page.locator(td('/appeals/review/upheld')).scrollIntoViewIfNeeded();
  const from = await page.locator(td('/appeals/review/upheld')).boundingBox();
  const to = await page.locator(td('/appeals/review/other')).boundingBox();
  await page.mouse.move(from.x + 5, from.y + 5);
  await page.mouse.down();
  await page.mouse.move(to.x + 5, to.y + 5, { steps: 4 });
  await page.mouse.up();
  assert.deepEqual(await page.$$eval('td.nb-in-range', (tds) => tds.map((t) => t.dataset.pointer)), [
    '/appeals/review/upheld', '/appeals/review/corrected', '/appeals/review/other',
  ]);
  const copied = await copy(page);
  assert.equal(copied.split('\t').length, 3);
  // Pasted into 表三, the three cells read as they were copied.
  await page.focus(td('/applications/results/granted/natural_person'));
  await paste(page, '7\t8\t9\r\n');
  await waitCell(page, '/applications/results/granted/research', '9');
  assert.equal(await page.locator('td.nb-in-range').count(), 3);
  // Delete clears the selected cells (blank, never 0), one undo brings them back.
  await page.keyboard.press('Delete');
  assert.equal(await cell(page, '/applications/results/granted/natural_person'), '');
  assert.equal(await cell(page, '/applications/results/granted/research'), '');
  await page.keyboard.press('Control+Z');
  await waitCell(page, '/applications/results/granted/natural_person', '', false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone: the selected cell, a range, the editor and its note are clear', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await workstation(page);
  await page.focus(td('/applications/results/granted/commercial'));
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.$eval(td('/applications/results/granted/commercial'), (el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await screenshot(page, 'sheet-04-range-390', false);
  assert.deepEqual(await axe(page), []);
  await page.focus(td('/applications/carried_forward/commercial'));
  await page.keyboard.press('F2');
  await page.keyboard.insertText('无');
  await page.waitForSelector('[data-testid="stored-as-text"]');
  await page.$eval(td('/applications/carried_forward/commercial'), (el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await screenshot(page, 'sheet-05-note-390', false);
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Escape');
  await page.focus(td('/appeals/review/total'));
  await page.keyboard.press('F2');
  await page.keyboard.insertText('三');
  await page.waitForSelector('[data-testid="stored-as-text"]');
  await page.$eval(td('/appeals/review/total'), (el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await screenshot(page, 'sheet-06-note-appeals-390', false);
  await page.keyboard.press('Escape');
  assert.equal(await cell(page, '/appeals/review/total'), '0');
  // 表四 is one row of fifteen: two cells from its last do not fit.
  await page.focus(td('/appeals/litigation_after_review/total'));
  await paste(page, '1 2');
  await page.waitForSelector('.nb-appeals [data-testid="paste-refused"]');
  await page.$eval('.nb-appeals [data-testid="paste-refused"]', (el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'sheet-07-refused-390', false);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
