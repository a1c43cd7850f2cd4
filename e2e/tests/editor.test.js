// End-to-end: Sở Nội vụ builds a small framework by pasting its decision's
// table, fixes the flagged items, exports it; an agency starts an
// assessment with it in a fresh profile and exports that; the file is
// loaded on the consolidation page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, openPage, axe } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const TABLE = [
  'STT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm tối đa\tGhi chú',
  '1\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\t40\t',
  '1.1\tKế hoạch CCHC năm\t40\t',
  '1.1.1\tBan hành kế hoạch CCHC năm\t10\t',
  '\tBan hành kịp thời: 10\t\t',
  '\tBan hành không kịp thời: 5\t\t',
  '\tKhông ban hành: 0\t\t',
  '\tTheo hướng dẫn của Sở Nội vụ\t\t',
  '1.1.2\tMức độ thực hiện kế hoạch CCHC\t30\t',
  '\tThực hiện trên 90% kế hoạch: 30\t\t',
  '\tThực hiện từ 70% - 90% kế hoạch: 15\t\t',
  '\tDưới 70% kế hoạch: 0\t\t',
  '2\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t50\t',
  '2.1\tTỷ lệ hồ sơ giải quyết đúng hạn\t60\t',
  '\tĐạt 100%: 60\t\t',
  '\tTừ 95% đến dưới 100%: 40\t\t',
  '\tDưới 95%: 0\t\t',
].join('\n');

test('paste a decision table, fix it, export; use it in a fresh profile; consolidate', async () => {
  // Sở Nội vụ
  const a = await openPage(browser, srv.origin);
  let page = a.page;
  await page.goto(srv.url + 'so-noi-vu/#/bo-tieu-chi');
  await page.getByText('Dán bảng từ Quyết định (Word, Excel)').click();
  await page.getByLabel('Bảng dán vào').fill(TABLE);
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  const status = page.locator('[data-editor="status"]');
  await status.waitFor();
  assert.match(await status.innerText(), /lỗi cần sửa/);
  assert.match(await page.locator('.editor').innerText(), /2: tổng điểm các mục con \(60\) khác điểm tối đa \(50\)/);
  assert.match(await page.locator('.editor').innerText(), /Cần hoàn thiện: dòng "Theo hướng dẫn của Sở Nội vụ" không có điểm/);
  assert.ok(await page.getByRole('button', { name: 'Xuất tệp bộ tiêu chí (.json)' }).isDisabled());
  await axe(page, 'editor');

  // fix: field 2's maximum, the metadata
  await page.locator('#ed-1-max').fill('60');
  await page.locator('#ed-1-max').press('Tab');
  const sub111 = page.locator('[data-ed-sub="1.1.1"]');
  // the line without points is kept as guidance, not as a level
  assert.equal(await sub111.locator('.ed-line').count(), 3);
  await page.getByRole('button', { name: 'Đã đối chiếu hết với bảng gốc' }).click();
  // reorder by keyboard: 1.1.2 up above 1.1.1, and back
  await page.getByRole('button', { name: 'Lên trên: tiêu chí thành phần 1.1.2' }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.locator('[data-ed-sub]').evaluateAll((e) => e.map((x) => x.dataset.edSub)), ['1.1.2', '1.1.1', '2.1']);
  await page.getByRole('button', { name: 'Lên trên: tiêu chí thành phần 1.1.1' }).click();
  await page.getByLabel('Mã bộ tiêu chí').fill('thu-nghiem-2026');
  await page.getByLabel('Phiên bản', { exact: true }).fill('2026.1');
  await page.getByLabel('Tên bộ tiêu chí').fill('Bộ chỉ số thử nghiệm 2026');
  await page.getByLabel('Tỉnh').fill('Gia Lai');
  await page.locator('#ed-band-0-label').fill('Tốt (A)');
  await page.locator('#ed-meta-bonus').fill('2');
  await page.locator('#ed-meta-bonus').press('Tab');
  await page.getByRole('button', { name: '+ Mục điểm thưởng' }).click();
  await page.locator('#ed-bonus-0-title').fill('Sáng kiến CCHC được công nhận');
  await page.locator('#ed-bonus-0-pts').fill('1');
  await page.locator('#ed-bonus-0-pts').press('Tab');
  await page.locator('#ed-0-0-1-numl').fill('Số nhiệm vụ đã hoàn thành');
  // how each item is judged before the year ends (#15)
  await page.locator('#ed-0-0-1-period').selectOption('due_by_cutoff');
  await page.locator('#ed-0-0-0-period').selectOption('cumulative');
  assert.match(await page.locator('.editor').innerText(), /1\.1\.1: "số lượng tăng dần theo kỳ" chỉ dùng cho tiêu chí tính theo số lượng/);
  assert.equal(await page.locator('[data-ed-sub="1.1.1"] [data-ed-due] input').count(), 4);
  await page.locator('#ed-0-0-0-period').selectOption('year_end');
  assert.match(await status.innerText(), /Hợp lệ: tổng 100 điểm/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp bộ tiêu chí (.json)' }).click()]);
  assert.equal(dl.suggestedFilename(), 'bo-tieu-chi_thu-nghiem-2026_2026.1.json');
  const fwText = fs.readFileSync(await dl.path(), 'utf8');
  const fw = JSON.parse(fwText);
  assert.equal(fw.status, 'official');
  assert.deepEqual(fw.fields.map((f) => f.max), [40, 60]);
  assert.equal(fw.fields[0].criteria[0].subs[0].rule.options.length, 3);
  assert.equal(fw.bands[0].label, 'Tốt (A)');
  assert.deepEqual(fw.bonus, { cap: 2, items: [{ id: 'B1', title: 'Sáng kiến CCHC được công nhận', points: 1, repeatable: false }] });
  assert.equal(fw.fields[0].criteria[0].subs[1].rule.numerator_label, 'Số nhiệm vụ đã hoàn thành');
  assert.deepEqual(fw.fields[0].criteria[0].subs[1].period_rule, { kind: 'due_by_cutoff' });
  assert.deepEqual(fw.fields[0].criteria[0].subs[0].period_rule, { kind: 'year_end' });
  assert.equal(fw.fields[1].criteria[0].subs[0].period_rule, undefined); // unaffected: not written
  // the draft survives a reload
  await page.reload();
  assert.match(await page.locator('[data-editor="status"]').innerText(), /Hợp lệ/);
  assert.deepEqual(a.problems, []);
  await a.context.close();

  // An agency, fresh profile
  const b = await openPage(browser, srv.origin);
  page = b.page;
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Dùng bộ tiêu chí từ tệp (.json do Sở Nội vụ gửi)').setInputFiles({ name: 'bo.json', mimeType: 'application/json', buffer: Buffer.from(fwText) });
  await page.waitForFunction(() => document.querySelector('#new-fw').selectedOptions[0].textContent.includes('Bộ chỉ số thử nghiệm 2026'));
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Công Thương');
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('#s1-1-2-num').fill('95');
  await page.locator('#s1-1-2-den').fill('100');
  await page.goto(page.url().replace(/#\/a\/([^/]+).*/, '#/a/$1/tieu-chi/2.1'));
  await page.locator('#s2-1-num').fill('100');
  await page.locator('#s2-1-den').fill('100');
  assert.equal(await page.locator('[data-summary="total"]').innerText(), '90');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp tự đánh giá (.json)' }).click()]);
  const assessmentFile = fs.readFileSync(await dl2.path());
  const doc = JSON.parse(assessmentFile.toString('utf8'));
  assert.equal(doc.framework.built_in, false);
  assert.equal(doc.framework.embedded.id, 'thu-nghiem-2026');
  assert.deepEqual(b.problems, []);
  await b.context.close();

  // Sở Nội vụ's desk, another fresh profile: the embedded framework travels with the file
  const c = await openPage(browser, srv.origin);
  page = c.page;
  await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await page.locator('#desk-files').setInputFiles({ name: dl2.suggestedFilename(), mimeType: 'application/json', buffer: assessmentFile });
  await page.locator('[data-rank="So"] tbody tr').waitFor();
  assert.equal(await page.locator('[data-rank="So"] td[data-col="index"]').innerText(), '90,00');
  assert.equal(await page.locator('[data-count="ok"]').innerText(), '0'); // incomplete: 1.1.1 unanswered → a warning
  assert.deepEqual(c.problems, []);
  await c.context.close();
});
