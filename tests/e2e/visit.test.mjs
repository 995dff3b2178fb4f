// Issue 15: the first visit, a phone, the 导出 menu and waiting for the
// workstation, at 390 × 844 and 1280 × 900 in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, newPage, openApp, openExportMenu, sample, screenshot, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];
const LANGS = ['zh', 'en'];

async function inLang(page, lang) {
  if (lang === 'en') {
    await page.click('.nb-lang');
    await page.waitForSelector('.nb-app[lang="en"]');
  }
}

/** Visible elements that reach past the viewport's right edge without a scroll container to hold them. */
function overflowing(page) {
  return page.evaluate(() => [...document.querySelectorAll('.nb-app *')].filter((el) => {
    if (!el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= innerWidth + 0.5) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
    }
    return true;
  }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5));
}

for (const viewport of SIZES) {
  for (const lang of LANGS) {
    const name = `${viewport.width}-${lang}`;

    test(`first visit at ${name}: what Nianbao is, the sample labelled an example, one primary action, a toolbar that fits`, async () => {
      const page = await newPage(browser, { viewport });
      await openApp(page, server.base);
      await inLang(page, lang);
      const intro = await page.textContent('[data-testid="intro"]');
      assert.match(intro, lang === 'zh' ? /年报在您的浏览器里显示、核对和撰写/ : /Nianbao shows, checks and writes/);
      assert.match(intro, lang === 'zh' ? /示例报告/ : /is an example/);
      // One primary action, and it opens the user's report.
      assert.equal(await page.locator('.nb-appbar .nb-primary-button').count(), 1);
      assert.equal(await page.textContent('.nb-appbar .nb-primary-button'), lang === 'zh' ? '打开您的报告…' : 'Open your report…');
      // Downloads are one menu, closed; undo and redo are not in the bar.
      assert.equal(await page.locator('.nb-appbar button:visible', { hasText: /下载|Download/ }).count(), 0);
      assert.equal(await page.locator('.nb-appbar [data-action="undo"]').count(), 0);
      // At 1280 px the bar is one row; on a phone, three at most.
      const bar = await page.$eval('.nb-appbar', (el) => el.getBoundingClientRect().height);
      assert.ok(bar < (viewport.width >= 1280 ? 60 : 125), `app bar ${bar}px high`);
      assert.deepEqual(await overflowing(page), []);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, `visit-01-first-${name}`, false);
      // A report of the user's own: the introduction goes.
      await page.setInputFiles('#nb-file', sample('hongze-district-2023.json'));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
      assert.equal(await page.locator('[data-testid="intro"]').count(), 0);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    test(`findings one tap away at ${name}: a count leads to its first finding, and back from a cell`, async () => {
      const page = await newPage(browser, { viewport });
      await openApp(page, server.base);
      await inLang(page, lang);
      await page.setInputFiles('#nb-file', sample('hongze-district-2023.json'));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
      await page.evaluate(() => window.scrollTo(0, 0));
      // One tap on "2 个错误" from the top of the page.
      await page.click('[data-testid="summary"] [data-jump="error"]');
      const first = page.locator('.nb-group-error button.nb-finding-button').first();
      await page.waitForFunction(() => {
        const el = document.querySelector('.nb-group-error button.nb-finding-button');
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && document.activeElement === el;
      });
      await screenshot(page, `visit-02-findings-${name}`, false);
      // The finding takes the reader to its cell; on a phone one tap leads back.
      await first.click();
      await page.waitForFunction(() => {
        const r = document.querySelector('td[data-pointer="/appeals/review/total"]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      const back = page.locator('[data-action="back-to-findings"]');
      if (viewport.width < 1100) {
        await screenshot(page, `visit-03-cell-${name}`, false);
        await back.click();
        await page.waitForFunction(() => {
          const r = document.querySelector('.nb-finding.nb-selected').getBoundingClientRect();
          return r.top >= 0 && r.top < innerHeight;
        });
      } else {
        assert.equal(await back.isVisible(), false, 'the findings are beside the report: no back button');
      }
      // The tables: 表四's four-character headers are never broken inside
      // (English ones wrap between words, as English does).
      if (lang === 'zh') {
        const heights = await page.$$eval('table.nb-grid-appeals thead tr:last-child th', (ths) => ths.map((th) => th.getBoundingClientRect().height));
        const lineHeight = await page.$eval('table.nb-grid-appeals thead tr:last-child th', (th) => parseFloat(getComputedStyle(th).lineHeight));
        assert.ok(Math.max(...heights) < lineHeight * 2, `one line each (${heights})`);
      }
      assert.deepEqual(await overflowing(page), []);
      if (viewport.width >= 1100) {
        // Beside the findings, no table slides under them.
        const [main, tables] = await page.evaluate(() => [document.querySelector('.nb-report').getBoundingClientRect().right,
          [...document.querySelectorAll('table.nb-grid')].map((t) => t.getBoundingClientRect().right)]);
        assert.ok(tables.every((right) => right <= main + 0.5), `tables end at ${tables}, the report at ${main}`);
      }
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

test('the 导出 menu holds every download and closes on choosing one', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await openApp(page, server.base);
  assert.equal(await page.isVisible('[data-action="download-findings"]'), false);
  await openExportMenu(page);
  await screenshot(page, 'visit-04-export-menu', false);
  assert.deepEqual(await page.locator('.nb-menu-body [data-action]').evaluateAll((els) => els.map((e) => e.dataset.action)),
    ['download-report', 'download-findings']);
  assert.deepEqual(await overflowing(page), []);
  assert.deepEqual(await axe(page), []);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-findings"]')]);
  assert.equal(file.suggestedFilename(), 'nianbao-findings.json');
  assert.equal(await page.$eval('details.nb-menu', (d) => d.open), false);
  await page.context().close();
});

test('a control whose tool is loading says so, until the tool answers', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/nianbao-workstation_bg.wasm', async (route) => { await gate; await route.continue(); });
  await openApp(page, server.base);
  await page.click('button[data-action="new-report"]');
  // The button is busy and a notice says why, wherever the page is scrolled.
  assert.equal(await page.getAttribute('button[data-action="new-report"]', 'aria-busy'), 'true');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const toast = await page.$eval('[data-testid="loading-tools"]', (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(toast, 'the loading notice is in view');
  await screenshot(page, 'visit-05-waiting', false);
  release();
  await page.waitForSelector('[data-testid="new-report"]');
  await page.waitForSelector('[data-testid="loading-tools"]', { state: 'detached' });
  assert.equal(await page.getAttribute('button[data-action="new-report"]', 'aria-busy'), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const viewport of SIZES) {
  test(`undo and redo appear beside the report once something changed, covering nothing of the bar, at ${viewport.width}`, async () => {
    const page = await newPage(browser, { viewport });
    await openApp(page, server.base);
    assert.equal(await page.locator('[data-action="undo"]').count(), 0);
    const pointer = '/applications/results/granted/total';
    await page.dblclick(`td[data-pointer="${pointer}"]`);
    const input = page.locator(`td[data-pointer="${pointer}"] input.nb-cell-input`);
    const before = await input.inputValue();
    await input.fill('7');
    await input.press('Enter');
    await page.waitForSelector('.nb-history [data-action="undo"]:not([disabled])');
    const [history, buttons] = await page.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      return [box(document.querySelector('.nb-history')), [...document.querySelectorAll('.nb-toolbar > *')].filter((el) => el.checkVisibility()).map(box)];
    });
    const overlaps = buttons.filter((b) => b.left < history.right && history.left < b.right && b.top < history.bottom && history.top < b.bottom);
    assert.deepEqual(overlaps, [], 'the bar\'s controls are not covered');
    assert.ok(history.bottom <= viewport.height && history.top >= 0, 'in view');
    await screenshot(page, `visit-06-history-${viewport.width}`, false);
    await page.click('.nb-history [data-action="undo"]');
    await page.waitForFunction(([p, v]) => document.querySelector(`td[data-pointer="${p}"] .nb-cell-text, td[data-pointer="${p}"]`).textContent.trim().startsWith(v), [pointer, before]);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
