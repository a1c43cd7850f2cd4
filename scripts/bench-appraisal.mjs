// Measures the desk's appraisal with a large batch (#16): load N submitted
// files, open one unit's appraisal, change an appraised input, and time
// (in the page, performance.now) how long until the totals are repainted.
// Usage: cargo run --release --example gen_batch -- --count 200 --kind mixed --submitted --out target/batch-200-sub
//        node scripts/bench-appraisal.mjs target/batch-200-sub
// A measurement, not a test: it prints figures and never fails on them.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, root } from '../e2e/lib/harness.js';

const dir = path.resolve(process.argv[2] || path.join(root, 'target', 'batch-200-sub'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ name: f, mimeType: 'application/json', buffer: fs.readFileSync(path.join(dir, f)) }));
const srv = await serve();
const browser = await launch();
const { page } = await openPage(browser, srv.origin, { viewport: { width: 1280, height: 800 } });
await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
let t = Date.now();
await page.locator('#desk-files').setInputFiles(files);
await page.locator('[data-count="files"]').filter({ hasText: String(files.length) }).waitFor({ timeout: 120e3 });
console.log(`${files.length} files loaded and ranked: ${Date.now() - t} ms`);
const link = page.locator('td[data-col="appraisal"] a').first();
t = Date.now();
await link.click();
await page.locator('[data-apr-item]').first().waitFor();
console.log(`open a unit's appraisal: ${Date.now() - t} ms (click to items drawn)`);
const items = await page.locator('[data-apr-item]').count();
// change an appraised input on the first item with a choice of points:
// each click is timed from the click to the frame after the totals change
let target = null;
for (let i = 0; i < items && !target; i++) {
  const it = page.locator('[data-apr-item]').nth(i);
  await it.locator('[data-correct]').click();
  if (await it.locator('input[type=radio]').count() >= 2) target = it; else await it.locator('[data-accept]').click();
}
const radios = target.locator('input[type=radio]');
const last = (await radios.count()) - 1;
await radios.nth(last).check();
const times = [];
const paint = [];
for (let i = 0; i < 10; i++) {
  const [changed, painted] = await radios.nth(i % 2 ? last : 0).evaluate((r) => new Promise((resolve) => {
    const dd = document.querySelector('[data-apr="appraised"]');
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      obs.disconnect();
      const t1 = performance.now();
      requestAnimationFrame(() => resolve([t1 - t0, performance.now() - t0]));
    });
    obs.observe(dd, { childList: true, characterData: true, subtree: true });
    r.click();
  }));
  times.push(changed);
  paint.push(painted);
}
paint.sort((a, b) => a - b);
console.log(`to the next frame after it: median ${paint[5].toFixed(1)} ms, max ${paint[9].toFixed(1)} ms`);
times.sort((a, b) => a - b);
console.log(`${items} items shown; change an appraised input → totals changed in the DOM: median ${times[5].toFixed(1)} ms, max ${times[9].toFixed(1)} ms (one frame = 16.7 ms)`);
await browser.close();
await srv.close();
