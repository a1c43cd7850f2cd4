// A quarter is not a year (#15), in the release build: a Quý III
// assessment with three reports on time scores full points on 1.2.1
// "đến kỳ báo cáo" and shows the year projection; the plan item counts the
// tasks due by 14/9 (one due on the day itself); cloning into Năm marks the
// carried figures; the trend shows both periods; the printed report and the
// exported file say which figure is which. At 1280 px and at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, ensureOut, axe, noSideScroll } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const pts = (page, id) => page.locator(`[data-sub="${id}"] .pts`).getAttribute('data-points');
const bar = (page, k) => page.locator(`[data-summary="${k}"]`).innerText();

async function quarter(viewport, tag) {
  const out = ensureOut();
  const { context, page, problems } = await openPage(browser, srv.origin, { viewport });
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp');
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByRole('radio', { name: /Quý III\b/ }).check();
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  const base = page.url().match(/^.*#\/a\/[^/]+/)[0];

  // before anything: the bar names the figure, and what cannot be judged yet
  assert.match(await page.locator('.summary-bar').innerText(), /Chỉ số đến kỳ/);
  assert.equal(await bar(page, 'not-yet'), '5 mục (24 điểm)');
  assert.equal(await bar(page, 'survey'), 'tính cuối năm');

  // 1.2.1: three reports by 14/9, all on time → full points so far
  await page.goto(base + '/tieu-chi/1.2');
  const r = page.locator('[data-sub="1.2.1"]');
  assert.match(await r.locator('[data-period-note]').innerText(), /Đến ngày 14\/9 phải có 3\/4/);
  await page.locator('#s1-2-1-count').fill('3');
  assert.equal(await pts(page, '1.2.1'), '1');
  await page.locator('#s1-2-1-count').fill('2');
  assert.equal(await pts(page, '1.2.1'), '0.5'); // one of three missing: as 3 of 4
  assert.equal(await r.locator('[data-judged]').innerText(), 'Ở kỳ này 2 được tính như 3 của cả năm (chỉ phần thiếu so với số đến hạn bị trừ).');
  assert.equal(await r.locator('.scale .hit').innerText(), '3: 0,5 điểm'); // the band that counts
  await page.locator('#s1-2-1-count').fill('3');
  assert.equal(await pts(page, '1.2.1'), '1');
  await page.locator('[data-sub="1.2.1"]').getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await page.locator('#s1-2-1-ev0-number').fill('210/BC-STP');

  // 1.5.1 is judged only at year end: shown as such, not as lost points
  await page.goto(base + '/tieu-chi/1.5');
  assert.match(await page.locator('[data-sub="1.5.1"] .pts').innerText(), /chưa đánh giá được ở kỳ này/);
  assert.match(await page.locator('[data-sub="1.5.1"] [data-period-note]').innerText(), /Chỉ đánh giá vào cuối năm/);

  // The plan: one task due on the cut-off day (done), one due in December.
  await page.goto(base + '/ke-hoach');
  const add = async (area, name, deadline, status) => {
    const sec = page.locator(`[data-area="${area}"]`);
    await sec.getByRole('button', { name: /Thêm nhiệm vụ/ }).click();
    const t = sec.locator('[data-task]').last();
    await t.getByLabel('Nhiệm vụ', { exact: true }).fill(name);
    await t.getByLabel('Thời hạn').fill(deadline);
    if (status) await t.getByLabel('Trạng thái').selectOption({ label: status });
  };
  await add('institutions', 'Rà soát văn bản quý III', '2025-09-14', 'Hoàn thành');
  await add('digital_government', 'Số hóa hồ sơ năm', '2025-12-20', null);
  assert.equal(await page.locator('[data-plan="due"]').innerText(), '1');
  assert.equal(await page.locator('[data-plan="rate"]').innerText(), '100,00%');
  await page.goto(base + '/tieu-chi/1.1');
  assert.match(await page.locator('[data-sub="1.1.3"] [data-plan-box]').innerText(),
    /1\/1 nhiệm vụ đến hạn trước hoặc đúng ngày 14\/9 đã hoàn thành \(100,00%\) → 2 điểm/);
  assert.equal(await pts(page, '1.1.3'), '2');

  // Two figures: so far 3 of 76 (3,95 %); the year: the December task
  // assumed done by its deadline, the fourth report on time → 3 of 100
  assert.equal(await bar(page, 'total'), '3');
  assert.equal(await bar(page, 'index'), '3,95%');
  assert.equal(await bar(page, 'year'), '3,00%');
  await axe(page, `${tag} quarter checklist`);
  await noSideScroll(page, `${tag} quarter checklist`);

  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  await page.locator('[data-summary-row="year"]').waitFor();
  assert.match(await page.locator('[data-summary-row="not-yet"]').innerText(), /Chưa đánh giá được ở kỳ Quý III \(5 mục/);
  assert.match(await page.locator('tr.total').innerText(), /Tổng điểm đến kỳ báo cáo \(ước tính\)\s+100\s+76\s+3\s+3,95%/);
  assert.match(await page.locator('[data-summary-row="year"]').innerText(), /Dự kiến cả năm\s+100\s+100\s+3\s+3,00%/);

  // the file names its figure
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp tự đánh giá (.json)' }).click()]);
  const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(dl.suggestedFilename(), 'CCHC_so-tu-phap_2025_Q3.json');
  assert.equal(doc.format_version, 2);
  assert.equal(doc.summary.figure, 'den_ky_bao_cao');
  assert.deepEqual([doc.summary.total, doc.summary.applicable_max, doc.summary.index], [3, 76, 3.95]);
  assert.deepEqual(doc.summary.not_yet, ['1.3.1', '1.5.1', '5.3.1', '8.1.1', '8.2.1']);
  assert.deepEqual(doc.summary.projection, { total: 3, applicable_max: 100, index: 3, band: 'Yếu', gain_from_actions: 0 });

  // a count above what could be due is questioned
  await page.goto(base + '/tieu-chi/1.2');
  await page.locator('#s1-2-1-count').fill('4');
  assert.match(await page.locator('[data-sub="1.2.1"] [data-above-due]').innerText(), /4 nhiều hơn số phải có đến ngày chốt số liệu của kỳ Quý III \(3\)/);
  await page.locator('#s1-2-1-count').fill('3');
  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  await page.locator('[data-summary-row="year"]').waitFor();
  // the printed report says which figure is which
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.locator('[data-report="period-figures"]').waitFor();
  const pdf = path.join(out, `ky-bao-cao-${tag}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const needle of [
    'Các số trên là điểm "đến kỳ báo cáo": chấm theo những gì phải có đến ngày 14/09/2025',
    '5 mục chỉ đánh giá cuối năm hoặc chưa có việc đến hạn (24 điểm)',
    'Dự kiến cả năm (các việc chưa đến hạn hoàn thành đúng hạn, cộng điểm các biện pháp khắc phục): 3 / 100 điểm, Chỉ số 3,00% (Yếu)',
    'Tổng điểm ước tính đến kỳ báo cáo', 'CĐG: chưa đánh giá được ở kỳ này',
    '1/1 nhiệm vụ đến hạn trước hoặc đúng ngày 14/9 đã hoàn thành (100,00%); cả kế hoạch: 2 nhiệm vụ.',
  ]) {
    assert.ok(text.includes(needle), `${tag} PDF lacks: ${needle}`);
  }

  // Clone into Năm: the report count is carried, marked to update.
  await page.getByRole('link', { name: 'Tự chấm điểm Chỉ số CCHC' }).click();
  await page.getByRole('button', { name: 'Nhân bản sang kỳ sau: Sở Tư pháp — Quý III 2025' }).click();
  assert.match(await page.locator('[data-notice]').innerText(),
    /1 mục tăng dần theo kỳ \(số báo cáo, việc đến hạn\) hoặc chỉ đánh giá cuối năm giữ số liệu kỳ trước làm điểm xuất phát, đánh dấu "chưa cập nhật cho kỳ này"\./);
  await page.getByRole('link', { name: 'Mở: Sở Tư pháp — Năm 2025' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  assert.equal(await bar(page, 'carried'), '1 mục');
  assert.match(await page.locator('.summary-bar').innerText(), /Chỉ số ước tính/);
  assert.equal(await page.locator('[data-summary="year"]').count(), 0); // the year's figure is the plain score
  const year = page.url().match(/^.*#\/a\/[^/]+/)[0];
  await page.goto(year + '/tieu-chi/1.2');
  const carried = page.locator('[data-sub="1.2.1"] [data-carried]');
  assert.match(await carried.innerText(), /Chưa cập nhật cho kỳ này/);
  assert.equal(await pts(page, '1.2.1'), '0.5'); // 3 of 4 for the year, until updated
  await axe(page, `${tag} carried`);
  await carried.getByRole('button', { name: 'Giữ nguyên cho kỳ này' }).click();
  await page.locator('[data-sub="1.2.1"] [data-carried]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-summary="carried"]').count(), 0);
  await page.locator('#s1-2-1-count').fill('4');
  assert.equal(await pts(page, '1.2.1'), '1');
  await page.getByText(/Đã lưu lúc/).waitFor();

  // The trend: both periods, side by side.
  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  const trend = page.locator('[data-trend]');
  await trend.locator('[data-trend-row="2025-Nam"]').waitFor();
  assert.match(await trend.locator('[data-trend-row="2025-Q3"]').innerText(), /Quý III 2025\s+3,95%\s+3,00%\s+24 điểm/);
  assert.match(await trend.locator('[data-trend-row="2025-Nam"]').innerText(), /Năm 2025 \(bản này\)\s+1,00%/);
  assert.equal(await trend.locator('svg rect').count(), 4);
  await axe(page, `${tag} trend`);
  await noSideScroll(page, `${tag} trend`);
  await page.screenshot({ path: path.join(out, `trend-${tag}.png`), fullPage: true });
  // the earlier period opens from the trend
  await trend.getByRole('link', { name: 'Quý III 2025' }).click();
  await page.locator('[data-trend-row="2025-Q3"]').waitFor();
  assert.match(await page.locator('.shell-head').innerText(), /Quý III 2025/);

  assert.deepEqual(problems, []);
  await context.close();
}

test('a quarter scored against what was due, projected, cloned and traced (1280 px)', async () => {
  await quarter({ width: 1280, height: 800 }, 'laptop');
});

test('the same at 360 px', async () => {
  await quarter({ width: 360, height: 740 }, 'phone');
});
