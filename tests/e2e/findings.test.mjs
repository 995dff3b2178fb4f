// Findings as 政务公开 staff read them (issue 15): one sentence with the
// numbers on each card, the rule's code behind 详情, and a selected finding
// marking exactly its cells (the one it is about strongly, its addends
// lightly), on real reports and on one with a wrong total, at a phone's and
// a desktop's width, in Chinese and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS, axe, newPage, openApp, sample, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

// FINDINGS_SHOTS=/tmp/findings-shots puts them elsewhere, to look at.
const SHOTS = process.env.FINDINGS_SHOTS ?? path.join(SCREENSHOTS, 'findings');
mkdirSync(SHOTS, { recursive: true });
const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];
const LANGS = ['zh', 'en'];

async function assertNoAxeViolations(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations in state "${state}": ${JSON.stringify(violations, null, 2)}`);
}

async function open(page, name, json) {
  await page.setInputFiles('input[type="file"]', { name, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.waitForFunction((n) => [...document.querySelectorAll('.nb-fact')].some((f) => f.textContent.includes(n)), name);
}

async function english(page) {
  await page.click('button:has-text("English")');
  await page.waitForSelector('button:has-text("中文")');
}

async function shoot(page, name, selector) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if (selector) await page.locator(selector).first().screenshot({ path: path.join(SHOTS, `${name}-card.png`) });
}

/** 洪泽区 2024 with （七）总计 of 自然人 six more than its outcomes: a wrong total. */
function wrongTotal() {
  const report = JSON.parse(readFileSync(sample('hongze-district-2024.json'), 'utf8'));
  const sum = report.applications.results.total.natural_person;
  report.applications.results.total.natural_person = sum + 6;
  return { json: JSON.stringify(report, null, 2), total: sum + 6, sum };
}

test('a wrong total: one sentence with its numbers, the code behind 详情, the total marked and its addends lightly', async () => {
  const { json, total, sum } = wrongTotal();
  for (const size of SIZES) {
    for (const lang of LANGS) {
      const page = await newPage(browser, { viewport: size });
      await openApp(page, server.base);
      await open(page, 'wrong-total.json', json);
      if (lang === 'en') await english(page);
      const card = page.locator('li[data-rule="t3-results-total"]');
      await card.waitFor();
      const pointers = (await card.getAttribute('data-pointers')).split(' ');
      const [flagged, ...addends] = pointers;
      assert.equal(flagged, '/applications/results/total/natural_person');
      // 洪泽区 2024 fills （六） as the single row of 2019: 19 result rows.
      assert.equal(addends.length, 19);

      // One sentence with the numbers: the total as filled, the sum, the difference.
      const message = (await card.locator('.nb-message').textContent()).trim();
      assert.equal(message, lang === 'zh'
        ? `（七）总计填 ${total}，（一）至（六）各项之和 ${sum}，相差 6。每件申请只计一种结果，请核对这一列。`
        : `(7) Total is ${total}, but outcomes (1)–(6) add up to ${sum}, a difference of 6. Each application counts once; check this column.`);

      // The rule's code is behind 详情 / Details, not on the card's face.
      const code = card.locator('.nb-finding-details code.nb-rule');
      assert.equal(await code.isVisible(), false);
      assert.equal(await card.locator('button.nb-finding-button code').count(), 0);
      await card.locator('.nb-finding-details > summary').click();
      assert.equal(await code.isVisible(), true);
      assert.equal(await code.textContent(), 't3-results-total');
      assert.equal(await card.locator('.nb-finding-details > summary').textContent(), lang === 'zh' ? '详情' : 'Details');

      // Unselected: the total is tinted, none of its addends.
      assert.equal(await page.getAttribute(`td[data-pointer="${flagged}"]`, 'data-severity'), 'error');
      const tinted = await page.$$eval('td[data-severity]', (tds) => tds.map((td) => td.dataset.pointer));
      assert.deepEqual(addends.filter((p) => tinted.includes(p)), [], 'no addend is tinted');

      await page.locator(`td[data-pointer="${flagged}"]`).scrollIntoViewIfNeeded();
      await shoot(page, `wrong-total-${size.width}-${lang}-unselected`);

      // Selected: exactly the pointed cells, strong on the total, light on the addends, nothing else.
      await card.locator('button.nb-finding-button').click();
      const strong = await page.$$eval('td.nb-selected', (tds) => tds.map((td) => td.dataset.pointer));
      const light = await page.$$eval('td.nb-addend', (tds) => tds.map((td) => td.dataset.pointer));
      assert.deepEqual(strong, [flagged]);
      assert.deepEqual(light, addends);
      const column = await page.$$eval('td[data-pointer$="/natural_person"]', (tds) =>
        tds.filter((td) => td.matches('.nb-selected, .nb-addend')).map((td) => td.dataset.pointer));
      assert.deepEqual(column.sort(), [...pointers].sort(), 'no other cell of the column is marked');
      // Strong and light differ in their line, not only in colour.
      const outline = (p) => page.$eval(`td[data-pointer="${p}"]`, (td) => getComputedStyle(td).outlineStyle);
      assert.equal(await outline(flagged), 'solid');
      assert.equal(await outline(addends[0]), 'dotted');

      // In forced colours (high contrast) tints go; the lines still differ.
      if (size.width === 1280 && lang === 'zh') {
        await page.emulateMedia({ forcedColors: 'active' });
        assert.equal(await outline(flagged), 'solid');
        assert.equal(await outline(addends[0]), 'dotted');
        await page.locator(`td[data-pointer="${flagged}"]`).scrollIntoViewIfNeeded();
        await shoot(page, 'wrong-total-1280-zh-forced-colors');
        await page.emulateMedia({ forcedColors: 'none' });
      }

      // The flagged cell says the short sentence; an addend says nothing
      // beyond its own number and headers (the calculation lists it).
      const tip = await page.$eval(`td[data-pointer="${flagged}"]`, (td) => document.getElementById(td.getAttribute('aria-describedby')).textContent);
      assert.equal(tip, message);
      const addend = page.locator(`td[data-pointer="${addends[0]}"]`);
      assert.equal(await addend.locator('.nb-tip').count(), 0);
      assert.equal(await addend.getAttribute('aria-describedby'), null);
      assert.match((await addend.textContent()).trim(), /^\d+$/);

      // The addends are the calculation's: every one with its label, and the
      // sentence's numbers are the calculation's.
      const rows = await card.locator('.nb-breakdown tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
      assert.equal(rows.filter(([label]) => label.startsWith('+ ')).length, addends.length);
      const value = (start) => rows.find(([label]) => label.startsWith(start))?.[1];
      assert.equal(value(lang === 'zh' ? '= 计算合计' : '= Calculated sum'), String(sum));
      assert.equal(value(lang === 'zh' ? '填报总计' : 'Reported total'), String(total));
      assert.equal(value(lang === 'zh' ? '差额' : 'Difference'), '6');

      await page.waitForFunction((p) => {
        const r = document.querySelector(`td[data-pointer="${p}"]`).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, flagged);
      await page.waitForTimeout(400);
      await shoot(page, `wrong-total-${size.width}-${lang}`, 'li[data-rule="t3-results-total"]');
      await assertNoAxeViolations(page, `wrong total selected, ${size.width}, ${lang}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
});

test('the samples: each card is one sentence, and selecting one marks only its cells', async () => {
  for (const name of ['hongze-district-2024.json', 'huaian-city-2024.json']) {
    const json = readFileSync(sample(name), 'utf8');
    for (const size of SIZES) {
      for (const lang of LANGS) {
        const page = await newPage(browser, { viewport: size });
        await openApp(page, server.base);
        await open(page, name, json);
        if (lang === 'en') await english(page);
        await page.waitForSelector('[data-testid="summary"]');
        const cards = await page.$$eval('li[data-rule]', (lis) => lis.map((li) => ({
          rule: li.dataset.rule,
          pointers: li.dataset.pointers.split(' '),
          message: li.querySelector('.nb-message').textContent,
          face: li.querySelector('button').textContent,
        })));
        for (const card of cards) {
          // The code is not on the face; the words are at most a sentence and what to check.
          assert.ok(!card.face.includes(card.rule), `${card.rule} on the card's face`);
          const bare = card.message.replace(/“[^”]*”/g, '“”');
          const sentences = lang === 'zh' ? bare.split(/[。？！]/).filter((s) => s.trim()) : bare.split(/[.?!](?=\s+[A-Z]|\s*$)/).filter((s) => s.trim());
          assert.ok(sentences.length <= 2, `${card.rule}: ${card.message}`);
        }
        if (cards.length > 0) {
          // Select each finding in turn: only its own cells are marked.
          for (const [i, card] of cards.entries()) {
            await page.locator('li[data-rule] button.nb-finding-button').nth(i).click();
            const marked = await page.$$eval('td.nb-selected, td.nb-addend', (tds) => tds.map((td) => td.dataset.pointer));
            for (const p of marked) {
              assert.ok(card.pointers.some((q) => p === q || p.startsWith(`${q}/`)), `${card.rule} marks ${p}, which it does not point at`);
            }
            assert.ok(marked.length <= card.pointers.length, `${card.rule} marks ${marked.length} cells for ${card.pointers.length} pointers`);
          }
          await page.waitForTimeout(400);
        }
        await shoot(page, `${name.replace('.json', '')}-${size.width}-${lang}`, cards.length ? '.nb-findings' : null);
        await assertNoAxeViolations(page, `${name}, ${size.width}, ${lang}`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    }
  }
});

test('淮安市 2024 with a wrong 行政复议 total: the total marked strongly, its four results lightly', async () => {
  const report = JSON.parse(readFileSync(sample('huaian-city-2024.json'), 'utf8'));
  const sum = report.appeals.review.total;
  report.appeals.review.total = sum + 3;
  const json = JSON.stringify(report, null, 2);
  for (const size of SIZES) {
    for (const lang of LANGS) {
      const page = await newPage(browser, { viewport: size });
      await openApp(page, server.base);
      await open(page, 'huaian-wrong-review.json', json);
      if (lang === 'en') await english(page);
      const card = page.locator('li[data-rule="t4-total"]');
      await card.waitFor();
      assert.equal((await card.locator('.nb-message').textContent()).trim(), lang === 'zh'
        ? `行政复议总计填 ${sum + 3}，各项结果之和 ${sum}，相差 3。请核对这一行的总计和各项结果。`
        : `Administrative review: the total is ${sum + 3}, but the four results add up to ${sum}, a difference of 3. Check the total and the results.`);
      await card.locator('button.nb-finding-button').click();
      assert.deepEqual(await page.$$eval('td.nb-selected', (tds) => tds.map((td) => td.dataset.pointer)), ['/appeals/review/total']);
      assert.deepEqual(await page.$$eval('td.nb-addend', (tds) => tds.map((td) => td.dataset.pointer)),
        ['upheld', 'corrected', 'other', 'pending'].map((c) => `/appeals/review/${c}`));
      await page.waitForTimeout(600);
      await shoot(page, `huaian-wrong-review-${size.width}-${lang}`, 'li[data-rule="t4-total"]');
      await assertNoAxeViolations(page, `huaian wrong review total, ${size.width}, ${lang}`);
      await page.context().close();
    }
  }
});
