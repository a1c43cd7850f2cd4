// Shared harness: serves a built folder on 127.0.0.1 and drives Debian's
// Chromium with playwright-core. Any request to another origin, any console
// error and any uncaught page error is recorded so tests can fail on them.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const outDir = path.join(root, 'e2e', 'out');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` (default dist/) on a free loopback port. */
export async function serve(dir = path.join(root, 'dist'), routes = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build first (trunk build --release --offline)`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    let p = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); return res.end('not found'); }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

/**
 * A new context + page that records problems: requests outside `origin`
 * (aborted), console errors and page errors.
 */
export async function openPage(browser, origin, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1366, height: 768 }, ...(opts.context || {}) });
  const problems = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push(`request outside origin: ${u}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

export function ensureOut() {
  fs.mkdirSync(outDir, { recursive: true });
  return outDir;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Fails on any serious or critical axe-core violation on the page. */
export async function axe(page, label) {
  // evaluated over CDP: the page's own CSP (rightly) refuses inline scripts
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const res = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
}

/** Fails when the page scrolls sideways. */
export async function noSideScroll(page, label) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `${label}: page scrolls sideways by ${over}px`);
}

/** The files of a generated batch in target/ (scripts/test.sh makes them), for setInputFiles. */
export function batch(dir) {
  const d = path.join(root, 'target', dir);
  assert.ok(fs.existsSync(d), `${d} missing: run scripts/test.sh (it generates the batches)`);
  return fs.readdirSync(d).sort().map((f) => ({ name: f, mimeType: 'application/json', buffer: fs.readFileSync(path.join(d, f)) }));
}
