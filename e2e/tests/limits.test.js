// End-to-end: texts at their limits keep the page answering (issue 18.4).
// A pasted megabyte is cut to the limit by the input itself; a whole sở
// template with every explanation at its 10 000-character limit is typed
// into, saved, reloaded and exported, with no main-thread task over 200 ms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, root } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const template = JSON.parse(fs.readFileSync(path.join(root, 'frameworks', 'gia-lai-so-mau.json'), 'utf8'));
const criteria = template.fields.flatMap((f) => f.criteria.map((c) => c.id));

const longTasks = (page) => page.evaluate(() => {
  const out = Math.max(0, ...window.__long);
  window.__long = [];
  return out;
});

test('every explanation at its limit: typing, saving, reloading and exporting stay responsive', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Giới Hạn');
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  const base = page.url().match(/^.*#\/a\/[^/]+/)[0];
  await longTasks(page);

  // a pasted megabyte: the input keeps the first 10 000 characters
  const first = page.locator('textarea[id$="-expl"]').first();
  await first.focus();
  await page.keyboard.insertText('Giải trình rất dài. '.repeat(50_000));
  assert.equal((await first.inputValue()).length, 10_000);
  await page.locator('.count-note.full').first().waitFor();
  assert.match(await page.locator('.count-note.full').first().innerText(), /10000\/10000 ký tự/);
  let worst = await longTasks(page);

  const text = 'Số liệu theo báo cáo định kỳ, hệ thống thông tin của tỉnh; ';
  const full = text.repeat(Math.ceil(10_000 / text.length)).slice(0, 10_000);
  let filled = 0;
  for (const c of criteria) {
    await page.goto(`${base}/tieu-chi/${c}`);
    await page.locator('[data-sub]').first().waitFor();
    for (const t of await page.locator('textarea[id$="-expl"]').all()) {
      await t.fill(full.slice(0, 9_999));
      await t.focus();
      await page.keyboard.type('.'); // one keystroke at the limit
      filled++;
    }
    worst = Math.max(worst, await longTasks(page));
  }
  // every item but the two survey estimates has an explanation
  assert.equal(filled, template.fields.flatMap((f) => f.criteria.flatMap((c) => c.subs)).filter((s) => s.rule.kind !== 'survey').length);
  await page.getByText(/Đã lưu lúc/).waitFor();

  // reopened after a reload
  await page.goto(`${base}/tieu-chi/1.1`);
  await page.reload();
  await page.locator('[data-sub]').first().waitFor();
  assert.equal((await page.locator('textarea[id$="-expl"]').first().inputValue()).length, 10_000);
  worst = Math.max(worst, await longTasks(page));

  // exported, and the file is one the import takes back
  await page.goto(base);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp tự đánh giá (.json)' }).click()]);
  const bytes = fs.readFileSync(await dl.path());
  worst = Math.max(worst, await longTasks(page));
  console.log(`${filled} explanations of 10 000 characters: file ${(bytes.length / 1024).toFixed(0)} KiB; longest task ${Math.round(worst)} ms`);
  assert.ok(worst < 200, `a task of ${worst} ms`);
  assert.deepEqual(problems, []);
  await context.close();
  // …in another browser, where nothing is stored yet
  const other = await openPage(browser, srv.origin);
  await other.page.goto(srv.url);
  await other.page.locator('input[type=file]').first().setInputFiles({ name: 'lai.json', mimeType: 'application/json', buffer: bytes });
  await other.page.getByRole('button', { name: 'Nhập', exact: true }).click();
  assert.match(await other.page.locator('[data-import="done"]').innerText(), /Đã nhập tệp lai\.json: Sở Giới Hạn/);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('messages name the file expected, in Vietnamese; a damaged kept framework is listed', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url);
  await page.evaluate(() => localStorage.setItem('cchc.fw.hong@1', '{"format": "cchc-framework",'));
  await page.reload();
  const banner = page.locator('text=mục lưu không đọc được').locator('..');
  assert.match(await banner.innerText(), /cchc\.fw\.hong@1: bộ tiêu chí lưu không đọc được \(Tệp bộ tiêu chí không đúng định dạng \(dòng 1, cột 29\)/);
  // a self-assessment offered where a framework is expected
  const selfFile = fs.readFileSync(path.join(root, 'target', 'batch-e2e', fs.readdirSync(path.join(root, 'target', 'batch-e2e'))[0]));
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Dùng bộ tiêu chí từ tệp (.json do Sở Nội vụ gửi)').setInputFiles({ name: 'nham.json', mimeType: 'application/json', buffer: selfFile });
  await page.getByText(/Đây là tệp tự đánh giá của một đơn vị, không phải tệp bộ tiêu chí/).waitFor();
  // JSON errors in Vietnamese, with line and column
  await page.getByLabel('Dùng bộ tiêu chí từ tệp (.json do Sở Nội vụ gửi)').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": ]') });
  const msg = await page.getByText(/Tệp bộ tiêu chí không đúng định dạng/).innerText();
  assert.match(msg, /dòng 2, cột 13/);
  assert.doesNotMatch(msg, /expected|line|column|recursion/i);
  assert.deepEqual(problems, []);
  await context.close();
});
