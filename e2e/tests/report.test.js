// End-to-end: corrective actions, the annual plan feeding 1.1.3, the
// printable report printed to PDF by Chromium (text checked with
// pdftotext, first page kept as a PNG), and the CSV downloads.
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

test('actions, plan and the printed report', async () => {
  const out = ensureOut();
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp');
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByRole('radio', { name: /Quý I\b/ }).check();
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /Không kịp thời/ }).check();
  await page.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  await page.locator('[data-sub="1.1.2"]').getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await page.locator('#s1-1-2-ev0-number').fill('15/KH-STP');
  await page.locator('#s1-1-2-ev0-date').fill('2025-01-20');
  await page.locator('#s1-1-2-ev0-issuer').fill('Sở Tư pháp');
  await page.locator('#s1-1-2-ev0-summary').fill('Kế hoạch CCHC năm 2025');
  await page.locator('#s1-1-1-expl').fill('Kế hoạch ban hành ngày 20/01, chậm 5 ngày so với yêu cầu');
  const base = page.url().match(/^.*#\/a\/[^/]+/)[0];

  // 1.1.1 loses 0.5: add an action from the item itself.
  await page.locator('[data-sub="1.1.1"]').getByRole('button', { name: '+ Biện pháp khắc phục' }).click();
  await page.waitForURL(/bien-phap\/bp-/);
  const act = page.locator('[data-action]').first();
  await act.getByLabel('Biện pháp (việc sẽ làm)').fill('Ban hành kế hoạch CCHC năm 2026 trước ngày 15/12/2025');
  await act.getByLabel('Đơn vị chủ trì').fill('Văn phòng Sở');
  await act.getByLabel('Người phụ trách').fill('Chánh Văn phòng');
  await act.getByLabel('Thời hạn').fill('2025-01-31'); // already past: overdue
  assert.equal(await act.getByLabel('Điểm dự kiến thu hồi').inputValue(), '0,5');
  await act.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await page.getByText('Quá hạn').first().waitFor();
  assert.equal(await page.locator('[data-plan="overdue"]').innerText(), '1');
  await axe(page, 'actions');

  // The annual plan: 4 of 5 tasks done → 80% → 1.1.3 earns 1 point.
  await page.goto(base + '/ke-hoach');
  const areas = ['institutions', 'procedures', 'organisation', 'civil_service', 'digital_government'];
  for (const [i, area] of areas.entries()) {
    const sec = page.locator(`[data-area="${area}"]`);
    await sec.getByRole('button', { name: /Thêm nhiệm vụ/ }).click();
    const task = sec.locator('[data-task]').last();
    await task.getByLabel('Nhiệm vụ', { exact: true }).fill(`Nhiệm vụ ${i + 1} <b>`);
    await task.getByLabel('Kết quả đầu ra').fill(`Sản phẩm ${i + 1}`);
    await task.getByLabel('Đơn vị chủ trì').fill('Văn phòng Sở');
    await task.getByLabel('Thời hạn').fill('2025-03-10'); // due by the Quý I cut-off (14/3)
    await task.getByLabel('Quý I (%)').fill(i < 4 ? '100' : '30');
    if (i < 4) await task.getByLabel('Trạng thái').selectOption({ label: 'Hoàn thành' });
  }
  assert.equal(await page.locator('[data-plan="rate"]').innerText(), '80,00%');
  await axe(page, 'plan');
  await page.setViewportSize({ width: 360, height: 740 });
  await noSideScroll(page, 'plan on a phone');
  await page.screenshot({ path: path.join(out, 'phone-plan.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(base + '/tieu-chi/1.1');
  assert.equal(await pts(page, '1.1.3'), '1');
  assert.match(await page.locator('[data-sub="1.1.3"] [data-plan-box]').innerText(), /4\/5 nhiệm vụ đến hạn trước hoặc đúng ngày 14\/3 đã hoàn thành \(80,00%\)/);
  // 1.1.3 now loses 1 point; add an action for it from the summary page
  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm biện pháp cho 1.1.3' }).click();
  await page.waitForURL(/bien-phap\/bp-/);
  const act2 = page.locator('[data-action]').last();
  await act2.getByLabel('Biện pháp (việc sẽ làm)').fill('Hoàn thành nhiệm vụ số hóa còn lại');
  await act2.getByLabel('Thời hạn').fill('2099-06-14');
  // self: 0.5 + 1 + 1 = 2.5; at Quý I over the 76 points that can be judged
  // (the survey and year-end items wait): 3,29%; the year, if both actions
  // succeed: 2.5 + 1.5 = 4 of 100 → 4,00%
  assert.match(await page.locator('[data-plan="projected"]').innerText(), /^4,00%/);
  assert.equal(await page.locator('[data-summary="index"]').innerText(), '3,29%');
  assert.equal(await page.locator('[data-summary="year"]').innerText(), '4,00%');

  // For Excel: an .xlsx with the actions (numbers stay numbers)
  const [xl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click()]);
  assert.equal(xl.suggestedFilename(), 'CCHC_so-tu-phap_2025_Q1_bien-phap.xlsx');
  const xlBytes = fs.readFileSync(await xl.path());
  assert.equal(xlBytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.match(xlBytes.toString('utf8'), /Ban hành kế hoạch CCHC năm 2026 trước ngày 15\/12\/2025<\/t><\/is><\/c><c r="D2" t="inlineStr"><is><t xml:space="preserve">Văn phòng Sở/);
  assert.match(xlBytes.toString('utf8'), /<c r="G2"><v>0.5<\/v><\/c>/);

  // The report.
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.getByLabel('Cơ quan chủ quản (dòng trên tên đơn vị)').fill('UBND tỉnh Gia Lai');
  await page.getByLabel('Số báo cáo (ví dụ 45/BC-STP)').fill('45/BC-STP');
  await page.getByLabel('Địa danh').fill('Gia Lai');
  await page.getByLabel('Ngày báo cáo').fill('2025-03-20');
  await page.getByLabel('Khó khăn, vướng mắc').fill('Thiếu nhân lực số hóa hồ sơ\nHạ tầng mạng chưa ổn định');
  await page.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị Sở Nội vụ tập huấn chấm điểm');
  await page.getByLabel('Nơi nhận').fill('Sở Nội vụ;\nUBND tỉnh (b/c);');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn Giám Đốc');
  await page.getByText(/Đã lưu lúc/).waitFor();
  await axe(page, 'report');
  const pdfPath = path.join(out, 'bao-cao.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString('utf8');
  fs.writeFileSync(path.join(out, 'bao-cao.txt'), text);
  for (const needle of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH GIA LAI', 'SỞ TƯ PHÁP',
    'Số: 45/BC-STP', 'Gia Lai, ngày 20 tháng 3 năm 2025', 'BÁO CÁO',
    'Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính quý I năm 2025',
    'I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM', 'Tổng điểm tự đánh giá: 2,5 / 76 điểm', 'Chỉ số CCHC ước tính: 3,29%',
    'Các số trên là điểm "đến kỳ báo cáo": chấm theo những gì phải có đến ngày 14/03/2025',
    'Số 15/KH-STP ngày 20/01/2025 của Sở Tư pháp: Kế hoạch CCHC năm 2025',
    'II. GIẢI TRÌNH CÁC TIÊU CHÍ CHẤM ĐIỂM CHƯA CÓ ĐỦ TÀI LIỆU KIỂM CHỨNG',
    'Kế hoạch ban hành ngày 20/01, chậm 5 ngày so với yêu cầu',
    'III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ', 'Hạ tầng mạng chưa ổn định', 'Đề nghị Sở Nội vụ tập huấn chấm điểm',
    'IV. BIỆN PHÁP KHẮC PHỤC VÀ TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC', '(quá hạn)',
    'Nếu hoàn thành các biện pháp, Chỉ số CCHC ước tính đạt 4,00%', '4/5 nhiệm vụ đến hạn trước hoặc đúng ngày 14/3 đã hoàn thành (80,00%)', 'Nhiệm vụ 5 <b>',
    'THỦ TRƯỞNG CƠ QUAN', 'Nơi nhận:', '- Sở Nội vụ;', 'Nguyễn Văn Giám Đốc',
  ]) {
    assert.ok(text.replace(/\s+/g, ' ').includes(needle), `PDF lacks: ${needle}`);
  }
  assert.ok(!/Chấm điểm\s+Thông tin đơn vị/.test(text), 'app chrome printed');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())[1]);
  assert.ok(pages >= 3, `report has ${pages} pages`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, path.join(out, 'bao-cao-trang')]);
  assert.deepEqual(problems, []);
  await context.close();
});
