// End to end: reports embedded in host pages (www/demo/), the JavaScript API,
// style isolation and a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, axe, newPage, screenshot, setup, exportItem } from './harness.mjs';

let server;
let browser;
setup((env) => ({ server, browser } = env));

const demo = (name) => `${server.base}/dist/demo/${name}.html`;

/** The text of a cell inside the n-th embedded report (Playwright's CSS pierces open shadow roots). */
async function embeddedCell(page, pointer, nth = 0) {
  // The number only: a flagged cell also holds its finding's tip.
  const cell = page.locator(`nianbao-report >> td[data-pointer="${pointer}"]`).nth(nth);
  return cell.evaluate((el) => (el.querySelector('.nb-cell-text') ?? el).textContent.trim());
}

async function waitForReports(page, count) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('nianbao-report')];
    return hosts.length === n && hosts.every((h) => h.shadowRoot?.querySelector('.nb-app[data-live] td[data-pointer="/appeals/review/total"]'));
  }, count);
}

test('a government article page shows the report as real tables', async () => {
  const page = await newPage(browser);
  await page.goto(demo('article'));
  await waitForReports(page, 1);
  assert.equal(await embeddedCell(page, '/applications/received/total'), '3119');
  assert.equal(await embeddedCell(page, '/applications/results/total/total'), '3050');
  assert.equal(await embeddedCell(page, '/proactive/fees/amount'), '96171.6');
  assert.equal(await embeddedCell(page, '/appeals/review/total'), '351');
  // view="tables": the published report without the checker's panel.
  assert.equal(await page.locator('nianbao-report >> .nb-findings').count(), 0);
  // A citizen sees where the report was published (its own source), never
  // the file path the page fetched it from.
  const facts = await page.locator('nianbao-report >> .nb-facts').textContent();
  assert.doesNotMatch(facts, /\.json/);
  assert.match(facts, /来源\s*淮安市人民政府办公室; PDF szfgs2024\.pdf/);
  // Exports only when the host asks; the title left out when it has its own.
  assert.equal(await page.locator('nianbao-report >> [data-testid^="export-"]').count(), 0);
  assert.equal(await page.locator('nianbao-report >> h1').count(), 1);
  await page.evaluate(() => { const r = document.querySelector('nianbao-report'); r.setAttribute('exports', ''); r.setAttribute('no-title', ''); });
  await page.locator('nianbao-report >> [data-testid="export-applications"]').waitFor();
  await page.locator('nianbao-report >> h1').waitFor({ state: 'detached' });
  await page.evaluate(() => { const r = document.querySelector('nianbao-report'); r.removeAttribute('exports'); r.removeAttribute('no-title'); });
  await page.locator('nianbao-report >> h1').waitFor();
  // The host's theme reaches the report only through the custom properties.
  const accent = await page.locator('nianbao-report >> .nb-app').evaluate((el) => getComputedStyle(el).getPropertyValue('--nb-c-accent').trim());
  assert.equal(accent, '#b71c1c');
  await screenshot(page, 'embed-01-article');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two reports on one page work independently; attribute changes update them', async () => {
  const page = await newPage(browser);
  await page.goto(demo('two-reports'));
  await waitForReports(page, 2);
  assert.equal(await embeddedCell(page, '/applications/received/total', 0), '21');
  assert.equal(await embeddedCell(page, '/applications/received/total', 1), '95');
  // The first is checked in Chinese, the second (inline JSON, lang="en") in English.
  assert.match(await page.locator('#y2023 >> [data-testid="summary"]').textContent(), /2\s*个错误/);
  assert.match(await page.locator('#y2024 >> [data-testid="summary"]').textContent(), /No problems found|warning|note/);
  // Ids are unique across both shadow roots and each cell's headers resolve in its own.
  const ids = await page.evaluate(() => [...document.querySelectorAll('nianbao-report')].map((h) => [...h.shadowRoot.querySelectorAll('[id]')].map((e) => e.id)));
  assert.equal(new Set(ids[0]).size, ids[0].length);
  assert.equal(ids[0].filter((id) => ids[1].includes(id)).length, 0, 'no id shared between the two reports');
  // Selecting a finding in one leaves the other alone.
  await page.locator('#y2023 >> li[data-rule="t4-total"] button').first().click();
  // The total strongly, its four results lightly.
  assert.equal(await page.locator('#y2023 >> td.nb-selected').count(), 1);
  assert.equal(await page.locator('#y2023 >> td.nb-addend').count(), 4);
  assert.equal(await page.locator('#y2024 >> td.nb-selected').count(), 0);
  // Changing attributes: language, then source.
  await page.evaluate(() => document.getElementById('y2023').setAttribute('lang', 'en'));
  await page.waitForFunction(() => /errors/.test(document.getElementById('y2023').shadowRoot.querySelector('[data-testid="summary"]').textContent));
  const events = await page.evaluate(() => new Promise((resolve) => {
    const host = document.getElementById('y2023');
    host.addEventListener('nianbao-validated', (e) => resolve(e.detail.summary), { once: true });
    host.setAttribute('src', '../samples/huaian-city-2024.json');
  }));
  assert.equal(events.errors, 0);
  await page.waitForFunction(() => document.getElementById('y2023').shadowRoot.querySelector('td[data-pointer="/applications/received/total"]')?.textContent.trim() === '3119');
  await screenshot(page, 'embed-02-two-reports');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('hostile host CSS does not change the report, and the report does not change the host', async () => {
  const measure = async (name) => {
    const page = await newPage(browser);
    await page.goto(demo(name));
    await waitForReports(page, 1);
    const cells = await page.locator('nianbao-report').evaluate((host) => [...host.shadowRoot.querySelectorAll('td[data-pointer], th')].map((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return [el.dataset.pointer ?? el.id, Math.round(box.width), Math.round(box.height), style.fontSize, style.paddingTop, style.color, style.backgroundColor, style.textAlign, style.visibility, style.borderTopWidth, style.fontFamily];
    }));
    const hostTable = await page.evaluate(() => {
      const table = document.querySelector('body > table');
      return table ? getComputedStyle(table).borderTopStyle : null;
    });
    if (name === 'hostile-css') await screenshot(page, 'embed-03-hostile-css');
    await page.context().close();
    return { cells, hostTable };
  };
  const clean = await measure('clean');
  const hostile = await measure('hostile-css');
  assert.ok(clean.cells.length > 200);
  assert.deepEqual(hostile.cells, clean.cells);
  // The host's own table keeps the host's (hostile) style: ours did not leak out.
  assert.equal(hostile.hostTable, 'dotted');
});

test('under a strict Content-Security-Policy everything works and nothing is refused', async () => {
  const page = await newPage(browser);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation?.(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(demo('strict-csp'));
  await waitForReports(page, 1);
  await page.waitForSelector('#api-result[data-errors]');
  assert.equal(await page.getAttribute('#api-result', 'data-errors'), '2');
  assert.match(await page.textContent('#api-result'), /t4-total, t4-total, template-mixed/);
  await page.waitForSelector('#api-result[data-validated]');
  assert.equal(await embeddedCell(page, '/applications/received/total'), '95');
  await page.locator('nianbao-report >> li[data-rule="template-mixed"] button').click();
  assert.ok(await page.locator('nianbao-report >> td.nb-selected').count() > 0);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'embed-04-strict-csp');
  await page.context().close();
});

test('Nianbao.v1.validate gives the same findings as the CLI on every sample', async () => {
  const cli = path.join(ROOT, 'target/debug/nianbao');
  assert.ok(existsSync(cli), 'the CLI is built by the native tests first');
  const page = await newPage(browser);
  await page.goto(demo('clean'));
  await waitForReports(page, 1);
  for (const name of ['jiyuan-hitech-zone-2024', 'huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024']) {
    const file = path.join(ROOT, 'samples', `${name}.json`);
    let out;
    try {
      out = execFileSync(cli, ['check', file, '--format', 'json'], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout; // exit status 1: errors found
    }
    const fromCli = JSON.parse(out);
    const fromApi = await page.evaluate((text) => window.Nianbao.v1.validate(text), readFileSync(file, 'utf8'));
    assert.deepEqual(fromApi, fromCli, name);
  }
  // With last year's report, the cross-year rules run too.
  const [current, previous] = ['hongze-district-2024', 'hongze-district-2023'].map((n) => readFileSync(path.join(ROOT, 'samples', `${n}.json`), 'utf8'));
  const changed = current.replace('"carried_over": { "natural_person": 0', '"carried_over": { "natural_person": 3');
  const result = await page.evaluate(([text, prev]) => window.Nianbao.v1.validate(text, { previous: prev }), [changed, previous]);
  assert.ok(result.diagnostics.some((d) => d.rule === 'carry-over'), JSON.stringify(result.diagnostics.map((d) => d.rule)));
  await page.context().close();
});

test('Nianbao.v1.mount returns a handle that loads, switches language and is destroyed', async () => {
  const page = await newPage(browser);
  await page.goto(demo('index'));
  await page.addScriptTag({ type: 'module', url: `${server.base}/dist/nianbao-embed.js` });
  await page.waitForFunction(() => window.Nianbao?.v1);
  const result = await page.evaluate(async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const handle = await window.Nianbao.v1.mount(element, { src: '../samples/hongze-district-2024.json', lang: 'zh', view: 'check' });
    const cell = () => {
      const td = element.shadowRoot.querySelector('td[data-pointer="/applications/received/total"]');
      return (td?.querySelector('.nb-cell-text') ?? td)?.textContent.trim();
    };
    const until = async (f) => { for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 25)); return f(); };
    const first = await until(cell);
    handle.setLang('en');
    const english = await until(() => /warning/.test(element.shadowRoot.querySelector('[data-testid="summary"]')?.textContent ?? '') && 'en');
    const text = await (await fetch('../samples/huaian-city-2024.json')).text();
    handle.load(text);
    const second = await until(() => cell() === '3119' && cell());
    handle.destroy();
    return { first, english, second, after: element.shadowRoot.childElementCount };
  });
  assert.deepEqual(result, { first: '95', english: 'en', second: '3119', after: 0 });
  await page.context().close();
});

test('the single file works from file://: the sample, then a local report by the file input', async () => {
  const file = path.join(ROOT, 'dist/nianbao-standalone.html');
  assert.ok(existsSync(file), 'the release build writes dist/nianbao-standalone.html');
  const page = await newPage(browser);
  await page.goto(`file://${file}`);
  await page.waitForSelector('.nb-app[data-live] td[data-pointer="/applications/received/total"]');
  assert.match(await page.textContent('h1'), /高新技术产业开发区管理办公室 2024/);
  assert.equal((await page.textContent('td[data-pointer="/applications/received/total"]')).trim(), '1');
  await page.setInputFiles('input[type="file"]', path.join(ROOT, 'samples/hongze-district-2023.json'));
  await page.waitForSelector('li[data-rule="t4-total"]');
  assert.equal(await page.getAttribute('td[data-pointer="/appeals/review/total"]', 'data-severity'), 'error');
  await page.setInputFiles('input[type="file"]', path.join(ROOT, 'tests/fixtures/docx/huaian-city-2024.docx'));
  await page.waitForSelector('[data-testid="import-notes"]');
  assert.equal((await page.textContent('td[data-pointer="/applications/received/total"]')).trim(), '3119');
  // Offline, a report is started and published from the single file too.
  await page.click('button[data-action="new-report"]');
  await page.fill('[data-testid="new-report"] input[autocomplete="organization"]', '某某县市场监督管理局');
  await page.click('[data-testid="new-report"] button[data-action="create-report"]');
  await page.waitForFunction(() => /某某县市场监督管理局/.test(document.querySelector('h1')?.textContent));
  const [word] = await Promise.all([page.waitForEvent('download'), exportItem(page, 'export-docx')]);
  assert.match(word.suggestedFilename(), /^某某县市场监督管理局-\d{4}\.docx$/);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'embed-05-standalone-file');
  await page.context().close();
});
