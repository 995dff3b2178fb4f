// End to end: readers download the viewer only; the first use of a tool
// loads the workstation, which takes over the report on screen and carries
// out what was asked (src/handoff.rs, www/boot.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, cell, newPage, openApp, sample, screenshot, setup } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

const VIEWER = 'nianbao-app_bg.wasm';
const WORKSTATION = 'nianbao-workstation_bg.wasm';

/** Records the names of the files the page requests. */
function recordRequests(page) {
  const names = [];
  page.on('request', (request) => names.push(new URL(request.url()).pathname.split('/').pop()));
  return names;
}

test('a reader downloads the viewer only; the first edit loads the workstation with the same report', async () => {
  const page = await newPage(browser);
  const requested = recordRequests(page);
  await openApp(page, server.base);
  // A reader opens a report, reads its findings and selects one.
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
  await page.click('li[data-rule="t4-total"]');
  await page.waitForTimeout(300);
  assert.ok(requested.includes(VIEWER));
  assert.ok(!requested.includes(WORKSTATION), `requested: ${requested.join(', ')}`);

  // Editing a cell brings the workstation, which opens its editor on the
  // same report (read again from the same bytes: the same two findings).
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  const input = page.locator('td[data-pointer="/appeals/review/pending"] input.nb-cell-input');
  await input.waitFor();
  assert.ok(requested.includes(WORKSTATION));
  assert.match(await page.textContent('h1'), /洪泽/);
  assert.equal(await page.locator('li[data-rule="t4-total"]').count(), 2);
  // One app on the page: the viewer has gone, with its file input.
  assert.equal(await page.locator('.nb-app').count(), 1);
  assert.equal(await page.locator('input[type="file"]').count(), 1);
  await input.fill('7');
  await input.press('Enter');
  assert.equal(await cell(page, '/appeals/review/pending'), '7');
  await page.waitForSelector('button:has-text("撤销"):not([disabled])');
  await screenshot(page, 'workstation-01-took-over');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a decision on a finding taken in the viewer is carried out by the workstation', async () => {
  const page = await newPage(browser);
  const requested = recordRequests(page);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
  const finding = page.locator('li[data-rule="t4-total"]').first();
  await finding.locator('button.nb-finding-button').click();
  // Typing the comment happens in the viewer; the click on 排除 hands the
  // decision, comment and all, to the workstation.
  await finding.locator('.nb-settle-comment').fill('诉讼数另有口径');
  await finding.locator('button:has-text("排除：不是问题")').click();
  await page.waitForSelector('.nb-group-dismissed li[data-rule="t4-total"]');
  assert.ok(requested.includes(WORKSTATION));
  assert.equal(await page.locator('.nb-group-dismissed li[data-rule="t4-total"]').count(), 1);
  assert.match(await page.textContent('.nb-group-dismissed .nb-settled'), /已排除：诉讼数另有口径/);
  assert.match(await page.textContent('[data-testid="summary"]'), /1 条已排除/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when the workstation cannot be loaded the viewer says so and keeps the report; a later try works', async () => {
  const page = await newPage(browser);
  await page.route(`**/${WORKSTATION}`, (route) => route.abort());
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  await page.waitForSelector('.nb-failure:has-text("无法载入编辑和核对工具")');
  assert.match(await page.textContent('.nb-failure'), /请检查网络连接后重试/);
  assert.match(await page.textContent('h1'), /淮安/);
  assert.equal(await page.locator('[data-testid="loading-tools"]').count(), 0);
  await screenshot(page, 'workstation-02-could-not-load', false);
  page.errors.length = 0;

  await page.unroute(`**/${WORKSTATION}`);
  await page.click('.nb-failure button:has-text("知道了")');
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  await page.locator('td[data-pointer="/appeals/review/pending"] input.nb-cell-input').waitFor();
  assert.match(await page.textContent('h1'), /淮安/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a page that embeds a report never loads the workstation', async () => {
  const page = await newPage(browser);
  const requested = recordRequests(page);
  await page.goto(`${server.base}/dist/demo/article.html`);
  await page.waitForFunction(() => document.querySelector('nianbao-report')?.shadowRoot?.querySelector('td[data-pointer]'));
  await page.waitForTimeout(300);
  assert.ok(requested.includes(VIEWER));
  assert.ok(!requested.includes(WORKSTATION));
  await page.context().close();
});

test('what is asked while the tools load is carried out by the workstation, in order', async () => {
  const page = await newPage(browser);
  // The workstation's wasm is held back until the test lets it through.
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${WORKSTATION}`, async (route) => { await gate; await route.continue(); });
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('hongze-district-2023.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('洪泽'));
  // First a decision on a finding, then, while the tools load, an edit.
  const finding = page.locator('li[data-rule="t4-total"]').first();
  await finding.locator('button.nb-finding-button').click();
  await finding.locator('.nb-settle-comment').fill('口径不同');
  await finding.locator('button:has-text("排除：不是问题")').click();
  await page.waitForSelector('[data-testid="loading-tools"]');
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  release();
  // Both are done: the finding dismissed, the editor open at the cell.
  await page.locator('td[data-pointer="/appeals/review/pending"] input.nb-cell-input').waitFor();
  assert.equal(await page.locator('.nb-group-dismissed li[data-rule="t4-total"]').count(), 1);
  assert.match(await page.textContent('h1'), /洪泽/);
  assert.equal(await page.locator('.nb-page').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a report opened while the tools load is the one the workstation shows', async () => {
  const page = await newPage(browser);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${WORKSTATION}`, async (route) => { await gate; await route.continue(); });
  await openApp(page, server.base);
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  await page.waitForSelector('[data-testid="loading-tools"]');
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  release();
  await page.waitForFunction(() => document.querySelector('.nb-app[data-live] h1')?.textContent.includes('淮安'));
  await page.waitForSelector('[data-testid="loading-tools"]', { state: 'detached' });
  assert.equal(await page.locator('.nb-page').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a workstation that cannot start leaves the viewer working, with a message', async () => {
  const page = await newPage(browser);
  // A workstation whose start fails.
  await page.route('**/nianbao-workstation.js*', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: 'export default async function init() {}\nexport function startApp() { return Promise.reject(new Error("boom")); }\n',
  }));
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  await page.dblclick('td[data-pointer="/appeals/review/pending"]');
  await page.waitForSelector('.nb-failure:has-text("无法载入编辑和核对工具")');
  assert.match(await page.textContent('.nb-failure'), /boom/);
  assert.match(await page.textContent('h1'), /淮安/);
  assert.equal(await page.locator('.nb-page').count(), 1);
  assert.equal(await page.locator('td[data-pointer="/appeals/review/pending"]').count(), 1);
  await page.context().close();
});

test('when the workstation crashes it is restarted with the report on screen, and says so', async () => {
  const page = await newPage(browser);
  await openApp(page, server.base);
  await page.setInputFiles('input[type="file"]', sample('huaian-city-2024.json'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  // Load the workstation: edit a cell.
  await page.dblclick('td[data-pointer="/applications/received/natural_person"]');
  await page.waitForSelector('td[data-pointer="/applications/received/natural_person"] input.nb-cell-input');
  await page.keyboard.press('Escape');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A panic inside the workstation.
  await page.evaluate(async () => {
    const module = await import('./nianbao-workstation.js');
    try { module.testCrash(); } catch { /* the module is over */ }
  });
  await page.waitForSelector('[data-testid="crash-notice"]', { timeout: 20000 });
  assert.match(await page.textContent('[data-testid="crash-notice"]'), /已自动重新启动/);
  // The same report, working: a cell can be edited again.
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('淮安'));
  assert.equal(await page.locator('.nb-page').count(), 1);
  await page.dblclick('td[data-pointer="/applications/received/natural_person"]');
  const input = page.locator('td[data-pointer="/applications/received/natural_person"] input.nb-cell-input');
  await input.fill('3001');
  await input.press('Enter');
  assert.equal(await cell(page, '/applications/received/natural_person'), '3001');
  await screenshot(page, 'workstation-crash-recovered');
  await page.context().close();
});
