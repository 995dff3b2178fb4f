// Shared by the end-to-end tests: a static server on loopback over the
// repository (the built app is /dist/), Debian's chromium driven by
// playwright-core, axe-core, and screenshots.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts python's static server over the repository; returns its base URL and a stop function. */
export async function startServer() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', ROOT], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${base}/dist/index.html`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => child.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that records console errors and failed requests. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** Opens the app and waits until the live app (not the prerendered first screen) shows its tables. */
export async function openApp(page, base, query = '') {
  await page.goto(`${base}/dist/index.html${query}`);
  await page.waitForSelector('.nb-app[data-live] td[data-pointer="/appeals/review/total"]');
  await page.waitForSelector('#nb-prerender', { state: 'detached' });
}

/** Runs axe-core on the page; returns its violations. */
export async function axe(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

export async function screenshot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

export function fixture(name) {
  return path.join(ROOT, 'tests/e2e/fixtures', name);
}

export function sample(name) {
  return path.join(ROOT, 'samples', name);
}

/** The text of the cell with this pointer. */
export async function cell(page, pointer) {
  return page.$eval(`td[data-pointer="${pointer}"]`, (el) => (el.querySelector('.nb-cell-text') ?? el).textContent.trim());
}

/**
 * Starts the server and the browser before a file's tests and stops them
 * after; `ready` receives `{ server, browser }`.
 */
export function setup(ready) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch();
    ready({ server, browser });
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/** Opens the app bar's 导出 menu, unless it is open. */
export async function openExportMenu(page) {
  if (!(await page.$eval('details.nb-menu', (d) => d.open))) await page.click('[data-action="export-menu"]');
}

/** Chooses the 导出 menu's item with this `data-action` (opening the menu first). */
export async function exportItem(page, action) {
  await openExportMenu(page);
  await page.click(`.nb-menu [data-action="${action}"]`);
}
