// End-to-end journey on the release build in headless Chromium: create an
// assessment, answer every rule shape, check totals, reload, filter, use
// back/forward, on a laptop and on a 360 px phone. Fails on any request
// outside the page's origin, any console error, and any serious or
// critical axe-core violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, ensureOut, axe, noSideScroll } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const txt = (page, sel) => page.locator(sel).first().innerText();
const pts = (page, id) => page.locator(`[data-sub="${id}"] .pts`).getAttribute('data-points');

async function journey(viewport, tag) {
  const { context, page, problems } = await openPage(browser, srv.origin, { viewport });
  const out = ensureOut();
  await page.goto(srv.url);
  await page.getByRole('heading', { name: 'Bản tự đánh giá đã lưu trong trình duyệt này' }).waitFor();
  await axe(page, `${tag} start`);
  await page.getByRole('link', { name: 'Tạo bản tự đánh giá mới' }).click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp');
  await page.getByLabel('Năm đánh giá').fill('2025');
  // the year: every rule shape judged by its rule alone (a quarter's
  // period rules have their own test, periods.test.js)
  await page.getByRole('radio', { name: /^Năm\b/ }).check();
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn A');
  await assert.doesNotReject(page.getByText('Bộ tiêu chí mẫu — đối chiếu với Quyết định của UBND tỉnh').first().waitFor());
  await axe(page, `${tag} new`);
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  assert.match(page.url(), /#\/a\/[0-9a-f]+$/);
  assert.equal(await txt(page, '[data-summary="total"]'), '0');

  // Every rule shape, with its exact points.
  await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /Không kịp thời/ }).check();
  assert.equal(await pts(page, '1.1.1'), '0.5');
  await page.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  assert.equal(await pts(page, '1.1.2'), '1');
  await page.locator('#s1-1-3-num').fill('17');
  await page.locator('#s1-1-3-den').fill('20');
  assert.equal(await pts(page, '1.1.3'), '1'); // 85% → 80–<100
  assert.equal(await txt(page, '[data-sub="1.1.3"] [data-ratio]'), '85,00%');
  await page.locator('[data-sub="1.1.3"]').getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await page.locator('#s1-1-3-ev0-number').fill('12/BC-STP');
  await page.locator('#s1-1-3-ev0-summary').fill('Báo cáo CCHC quý I');

  // Next unanswered → 1.2.1 (count), via the summary bar.
  await page.getByRole('button', { name: 'Mục chưa trả lời tiếp theo' }).click();
  await page.locator('[data-sub="1.2.1"]').waitFor();
  await page.locator('#s1-2-1-count').fill('3');
  assert.equal(await pts(page, '1.2.1'), '0.5');
  await page.locator('#s1-2-1-count').fill('5');
  assert.match(await txt(page, '[data-sub="1.2.1"] .error'), /vượt quá tối đa \(4\)/);
  await page.locator('#s1-2-1-count').fill('4');
  assert.equal(await pts(page, '1.2.1'), '1');

  // Proportional and no-case through the tree / menu.
  const openCrit = async (name) => {
    if (viewport.width < 900) await page.getByRole('button', { name: /Danh mục tiêu chí/ }).click();
    await page.getByRole('navigation', { name: 'Danh mục tiêu chí' }).getByRole('link', { name }).click();
  };
  await openCrit(/^2\.4 Phổ biến/);
  await page.locator('#s2-4-1-num').fill('2');
  await page.locator('#s2-4-1-den').fill('3');
  assert.equal(await pts(page, '2.4.1'), '1'); // 1.5 × 2/3
  await openCrit(/^3\.4 Kết quả giải quyết/);
  await page.locator('#s3-4-1-num').fill('985');
  await page.locator('#s3-4-1-den').fill('1000');
  assert.equal(await pts(page, '3.4.1'), '4'); // 98.5% → 98–<100
  await page.locator('[data-sub="3.4.2"]').getByLabel(/Không phát sinh/).check();
  assert.equal(await pts(page, '3.4.2'), '2');
  await page.locator('#s3-4-2-expl').fill('Không có hồ sơ quá hạn trong kỳ');
  await openCrit(/^8\.1 Mức độ hài lòng/);
  await page.locator('#s8-1-1-est').fill('8,25');
  assert.equal(await pts(page, '8.1.1'), '8.25');

  // self = 0.5+1+1+1+1+4+2 = 10.5; total = 10.5 + 8.25 = 18.75 of 100
  const expect = { self: '10,5', total: '18,75', index: '18,75%', band: 'chưa đủ dữ liệu (7/54 mục)', completion: '12,96%' };
  const check = async (when) => {
    for (const [k, v] of Object.entries(expect)) {
      assert.equal(await txt(page, `[data-summary="${k}"]`), v, `${tag} ${when}: ${k}`);
    }
  };
  await check('after answering');
  await page.getByText(/Đã lưu lúc \d\d:\d\d:\d\d/).waitFor();
  await axe(page, `${tag} checklist`);
  await noSideScroll(page, `${tag} checklist`);
  await page.screenshot({ path: path.join(out, `${tag}-checklist.png`) });

  // Reload: everything is back.
  await page.reload();
  await page.locator('[data-sub="8.1.1"]').waitFor();
  await check('after reload');
  await openCrit(/^1\.1 Kế hoạch/);
  assert.equal(await page.locator('#s1-1-3-num').inputValue(), '17');
  assert.equal(await page.locator('#s1-1-3-ev0-number').inputValue(), '12/BC-STP');
  assert.ok(await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /Không kịp thời/ }).isChecked());

  // Filters.
  await page.getByRole('button', { name: 'Bị mất điểm' }).click();
  const losing = await page.locator('[data-sub]').evaluateAll((els) => els.map((e) => e.dataset.sub));
  assert.deepEqual(losing, ['1.1.1', '1.1.3', '2.4.1', '3.4.1']);
  await page.getByRole('button', { name: 'Thiếu tài liệu kiểm chứng' }).click();
  const missing = await page.locator('[data-sub]').evaluateAll((els) => els.map((e) => e.dataset.sub));
  assert.deepEqual(missing, ['1.1.1', '1.1.2', '1.2.1', '2.4.1', '3.4.1']);
  await page.getByRole('button', { name: 'Chưa trả lời', exact: true }).click();
  assert.equal(await page.locator('[data-sub]').count(), 47);
  await page.getByRole('button', { name: 'Tất cả', exact: true }).click();

  // Summary page, then back/forward.
  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  await page.getByRole('heading', { name: 'Kết quả theo lĩnh vực' }).waitFor();
  assert.equal(await txt(page, 'tr[data-field="1"] td:nth-of-type(3)'), '3,5');
  assert.equal(await txt(page, 'tr[data-field="1"] td:nth-of-type(4)'), '26,92%');
  assert.match(await txt(page, '.losses li:first-child'), /^1\.1\.3 Mức độ hoàn thành kế hoạch CCHC\s+mất 1 \/ 2 điểm/);
  await axe(page, `${tag} summary`);
  await noSideScroll(page, `${tag} summary`);
  await page.screenshot({ path: path.join(out, `${tag}-summary.png`), fullPage: true });
  await page.goBack();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  await page.goForward();
  await page.getByRole('heading', { name: 'Kết quả theo lĩnh vực' }).waitFor();
  // a loss links to its item
  await page.locator('.losses a').first().click();
  await page.locator('[data-sub="1.1.3"]').waitFor();
  assert.match(page.url(), /tieu-chi\/1\.1\/1\.1\.3$/);

  // Start page lists it; duplicate to the next period.
  await page.getByRole('link', { name: 'Tự chấm điểm Chỉ số CCHC' }).click();
  await page.getByRole('button', { name: 'Nhân bản sang kỳ sau: Sở Tư pháp — Năm 2025' }).click();
  await page.locator('tr[data-assessment]', { hasText: 'Quý I 2026' }).waitFor();
  // the copy says what it carried and what it left behind
  assert.match(await page.locator('[data-notice]').innerText(),
    /Đã tạo bản "Sở Tư pháp — Quý I 2026"\. Đã chuyển: \d+ câu trả lời, \d+ tài liệu kiểm chứng, 0 biện pháp khắc phục, 0 nhiệm vụ kế hoạch\. Đã để trống \(riêng của kỳ trước\): 1 điểm ước tính điều tra xã hội học; 3 số liệu tăng dần theo kỳ của năm 2025 \(số báo cáo, việc đến hạn: năm 2026 tính lại từ đầu\)\./);
  assert.equal(await page.locator('tr[data-assessment]').count(), 2);
  await noSideScroll(page, `${tag} start`);
  await page.screenshot({ path: path.join(out, `${tag}-start.png`), fullPage: true });
  // delete asks first
  await page.getByRole('button', { name: 'Xóa: Sở Tư pháp — Quý I 2026' }).click();
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  assert.equal(await page.locator('tr[data-assessment]').count(), 1);

  assert.deepEqual(problems, []);
  await context.close();
}

test('journey on a 1366×768 laptop', async () => { await journey({ width: 1366, height: 768 }, 'laptop'); });
test('journey on a 360×740 phone', async () => { await journey({ width: 360, height: 740 }, 'phone'); });

test('two tabs on one assessment do not silently overwrite each other', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill('UBND phường Diên Hồng');
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await other.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  await page.getByText(/vừa được lưu từ một thẻ \(tab\) khác/).waitFor();
  // this tab's edit is not saved over the other's while the question stands
  await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /^Kịp thời/ }).check();
  await page.getByRole('button', { name: 'Dùng bản vừa lưu ở thẻ kia' }).click();
  assert.equal(await pts(page, '1.1.2'), '1');
  assert.equal(await page.locator('[data-sub="1.1.1"] .pts').getAttribute('data-points'), '0');
  assert.deepEqual(problems, []);
  await context.close();
});

test('storage blocked: a warning, and the app keeps working in memory', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(srv.url + '#/moi');
  await page.getByText(/không cho phép lưu dữ liệu/).first().waitFor();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Y tế');
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  assert.equal(await pts(page, '1.1.2'), '1');
  await page.getByText('Chưa lưu được').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
