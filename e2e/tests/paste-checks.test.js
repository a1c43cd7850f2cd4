// End-to-end (#14, after a new user's trial): what the framework editor
// must not do silently or irrecoverably.
// - a table pasted as plain text whose cells were split over rows is named;
// - choosing a column's role already held by another swaps the two;
//   skipped columns look skipped; heading rows are kept within the table;
// - survey parts without points, two deductions in one cell, a stated
//   total that differs: each said at its place;
// - focus goes to what was made, and on from a "Đã kiểm tra" that goes;
// - deleting an item or every check mark can be undone;
// - saving says so beside the button and the new assessment starts with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, axe, root, ensureOut, outDir } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// The paste box closes once a draft is made from it: open it again.
async function openPaste(page) {
  if (!(await page.locator('details.paste').evaluate((d) => d.open))) await page.locator('details.paste > summary').click();
}

const fixture = (name) => fs.readFileSync(path.join(root, 'tests/fixtures/paste', name), 'utf8');

async function pastePlain(page, text) {
  await page.locator('#fw-paste').evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName, label: a?.getAttribute('aria-label') || a?.innerText?.slice(0, 60), editor: a?.dataset?.editor };
});

test('plain-text split rows named; roles swap; heading rows kept within the table', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + 'so-noi-vu/#/bo-tieu-chi');
  await page.getByText('Dán bảng từ Quyết định (Word, Excel)').click();
  // Word's table copied through an editor that keeps only plain text: each
  // paragraph of the rule cell on a row of its own
  await pastePlain(page, [
    'STT\tTiêu chí\tĐiểm tối đa\tPhương pháp chấm điểm',
    '1\tCông tác chỉ đạo\t100\t',
    '1.1\tKế hoạch CCHC\t100\tBan hành đúng hạn: 100 điểm',
    'Ban hành chậm: 50 điểm',
    'Không ban hành: 0 điểm',
  ].join('\r\n'));
  const broken = page.locator('[data-paste="broken"]');
  await broken.waitFor();
  assert.match(await broken.innerText(), /^2 dòng có ít cột hơn các dòng khác: .*dán thẳng vào ô trên/);
  assert.equal(await page.locator('[data-paste="columns"].ok').count(), 0, 'no green banner over a broken table');

  // the same table from Excel (quoted cell): nothing broken
  await pastePlain(page, 'STT\tTiêu chí\tĐiểm tối đa\tGhi chú\n1\tCông tác chỉ đạo\t100\t\n1.1\tKế hoạch CCHC\t100\t"Ban hành đúng hạn: 100 điểm\nKhông ban hành: 0 điểm"\n');
  await page.locator('[data-paste="columns"].ok').waitFor();
  assert.equal(await broken.count(), 0);
  const roles = () => page.locator('.paste-preview thead select').evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(await roles(), ['number', 'title', 'points', 'ignore']);
  assert.equal(await page.locator('.paste-preview tbody tr').first().locator('td.paste-skipped').count(), 1);
  // "title" chosen for the notes column by mistake: the two swap, nothing lost
  await page.locator('#paste-col-3').selectOption('title');
  assert.deepEqual(await roles(), ['number', 'ignore', 'points', 'title']);
  await page.locator('#paste-col-1').selectOption('title');
  assert.deepEqual(await roles(), ['number', 'title', 'points', 'ignore']);
  await page.locator('#paste-col-3').selectOption('rule');
  // the skipped column is greyed, the others are not
  assert.deepEqual(await page.locator('.paste-preview thead th').evaluateAll((t) => t.map((x) => x.classList.contains('paste-skipped'))), [false, false, false, false]);

  // the table and the corrected columns survive a reload
  await page.reload();
  await page.locator('.paste-mapping').waitFor();
  assert.deepEqual(await roles(), ['number', 'title', 'points', 'rule']);
  assert.match(await page.locator('.paste-preview tbody').innerText(), /Ban hành đúng hạn: 100 điểm/);

  // heading rows: within 0 … rows − 1, said when corrected
  const hr = page.locator('#paste-header-rows');
  await hr.fill('99'); await hr.press('Tab');
  assert.equal(await hr.inputValue(), '2');
  assert.match(await page.locator('[data-paste="header-note"]').innerText(), /Bảng có 3 dòng: số dòng tiêu đề tối đa là 2, đã lấy 2\./);
  await hr.fill('-1'); await hr.press('Tab');
  assert.equal(await hr.inputValue(), '0');
  assert.match(await page.locator('[data-paste="header-note"]').innerText(), /không thể âm/);
  await hr.fill('1'); await hr.press('Tab');
  assert.equal(await page.locator('[data-paste="header-note"]').count(), 0);
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  await page.waitForFunction(() => document.querySelector('[data-editor="status"]')?.innerText.includes('Hợp lệ: tổng 100 điểm'));
  // focus is on what was made; the table is no longer kept
  assert.equal((await active(page)).editor, 'status');
  assert.equal(await page.locator('.paste-mapping').count(), 0);
  await page.reload();
  await page.locator('[data-editor="status"]').waitFor();
  assert.equal(await page.locator('.paste-mapping').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('survey parts, two deductions, the stated total; undo of deletions and of "Đã kiểm tra hết"; saved and preselected', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + 'so-noi-vu/#/bo-tieu-chi');
  await page.getByText('Dán bảng từ Quyết định (Word, Excel)').click();
  await openPaste(page);
  await page.getByLabel('Bảng dán vào').fill(fixture('18-total-differs.tsv'));
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  const general = page.locator('[data-editor="general-flags"]');
  await general.waitFor();
  assert.match(await general.innerText(), /dòng tổng cộng của bảng ghi 100 điểm nhưng các lĩnh vực đọc được cộng lại 90 điểm/);

  await openPaste(page);
  await page.getByLabel('Bảng dán vào').fill(fixture('17-survey-parts-two-deductions.tsv'));
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  // the question takes the button's place: focus on the safe answer, Esc says no
  const confirm = page.locator('[data-paste="confirm"]');
  await confirm.waitFor();
  assert.equal((await active(page)).label, 'Giữ bản nháp đang soạn');
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Tạo bản nháp từ bảng');
  assert.match(await general.innerText(), /dòng tổng cộng/, 'the draft was kept');
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  await page.getByRole('button', { name: 'Thay bản nháp' }).click();
  const status = page.locator('[data-editor="status"]');
  await page.waitForFunction(() => document.querySelector('[data-editor="status"]')?.innerText.includes('Hợp lệ: tổng 100 điểm'));
  assert.equal(await general.count(), 0);
  // one 4-point survey item, its parts as its guidance
  const item = page.locator('.ed-crit').nth(1);
  assert.equal(await item.locator('input').first().inputValue(), '1.2');
  assert.match(await item.innerText(), /các mục 2\.1, 2\.2, 2\.3 không có điểm riêng/);
  assert.match(await item.locator('textarea').first().inputValue(), /Theo kết quả điều tra xã hội học; 2\.1 Mức độ công khai kế hoạch CCHC; 2\.2 Thái độ/);
  assert.match(await page.locator('.ed-crit').first().innerText(), /có 2 cách trừ điểm khác nhau/);
  await axe(page, 'paste checks draft');

  // "Đã kiểm tra" goes: focus moves to the next item's button
  const first = page.locator('.ed-source button').first();
  const firstLabel = await first.getAttribute('aria-label');
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label')?.startsWith('Đã kiểm tra mục') && document.activeElement.getAttribute('aria-label') !== l, firstLabel);

  // deleting a field: undoable, focus on "Hoàn tác"
  const fields = () => page.locator('.ed-field').count();
  assert.equal(await fields(), 2);
  await page.getByRole('button', { name: 'Xóa lĩnh vực 2', exact: true }).click();
  const undo = page.locator('[data-editor="undo"]');
  await undo.waitFor();
  assert.match(await undo.innerText(), /Đã xóa lĩnh vực 2 "MỨC ĐỘ HÀI LÒNG \(điều tra xã hội học\)" \(2 tiêu chí, 2 tiêu chí thành phần\)\./);
  assert.equal(await fields(), 1);
  assert.equal((await active(page)).label, 'Hoàn tác');
  await ensureOut();
  await page.screenshot({ path: path.join(outDir, 'editor-undo.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.ed-field').length === 2);
  assert.match(await undo.innerText(), /Đã hoàn tác việc xóa lĩnh vực 2/);
  assert.equal((await active(page)).label, 'Đóng thông báo');
  assert.match(await status.innerText(), /Hợp lệ: tổng 100 điểm/);

  // every item compared at once: the flags stay, and it can be undone
  const unchecked = page.locator('[data-editor="unchecked"]');
  const before = await unchecked.innerText();
  await page.getByRole('button', { name: 'Đã đối chiếu hết với bảng gốc' }).click();
  await page.waitForFunction(() => !document.querySelector('.ed-source'));
  assert.match(await unchecked.innerText(), /^3 mục đánh dấu cần hoàn thiện, 0 mục chưa đối chiếu/);
  assert.match(await undo.innerText(), /Đã bỏ \d+ ghi chú bảng gốc \(đã đối chiếu hết\)\./);
  await undo.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.waitForFunction((b) => document.querySelector('[data-editor="unchecked"]')?.innerText === b, before);

  // deletions one after another are undone one after another
  const crits = () => page.locator('.ed-crit').count();
  const n = await crits();
  await page.getByRole('button', { name: 'Xóa lĩnh vực 2', exact: true }).click();
  await page.getByRole('button', { name: 'Xóa tiêu chí 1.2', exact: true }).click();
  assert.equal(await fields(), 1);
  assert.match(await undo.innerText(), /Đã xóa tiêu chí 1\.2/);
  await undo.getByRole('button', { name: 'Hoàn tác' }).click();
  assert.match(await undo.innerText(), /Đã hoàn tác việc xóa tiêu chí 1\.2.*Trước đó: đã xóa lĩnh vực 2/s);
  assert.equal((await active(page)).label, 'Hoàn tác');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.ed-field').length === 2);
  assert.equal(await crits(), n);

  // a later edit withdraws the offer instead of undoing it too
  await page.getByRole('button', { name: 'Xóa lĩnh vực 2', exact: true }).click();
  await undo.getByRole('button', { name: 'Hoàn tác' }).waitFor();
  await page.getByLabel('Tên bộ tiêu chí').fill('Bộ tiêu chí thử');
  await undo.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.ed-field').first().waitFor();
  assert.equal(await fields(), 1, 'the deletion was autosaved');
  assert.equal(await page.getByLabel('Tên bộ tiêu chí').inputValue(), 'Bộ tiêu chí thử');
  await page.getByText('Dán bảng từ Quyết định (Word, Excel)').click();

  // discarding asks, focus on "Giữ lại", Esc keeps
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.locator('[data-editor="discard"]').waitFor();
  assert.equal((await active(page)).label, 'Giữ lại');
  await page.keyboard.press('Escape');
  await page.locator('[data-editor="discard"]').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Bỏ bản nháp');
  assert.equal(await fields(), 1);

  // saving: said beside the button; the new assessment starts with it
  await openPaste(page);
  await page.getByLabel('Bảng dán vào').fill(fixture('17-survey-parts-two-deductions.tsv'));
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  await page.getByRole('button', { name: 'Thay bản nháp' }).click();
  await page.getByLabel('Mã bộ tiêu chí').fill('qd-thu');
  await page.getByLabel('Tên bộ tiêu chí').fill('Bộ tiêu chí thử QĐ 99');
  await page.getByRole('button', { name: 'Lưu vào trình duyệt để dùng' }).click();
  // flags and unchecked items still open: asked, focus on going back
  const ask = page.locator('[data-editor="save-open"]');
  assert.match(await ask.innerText(), /Lưu khi còn: \d+ mục còn đánh dấu cần hoàn thiện; \d+ mục chưa đối chiếu với bảng gốc; chưa ghi số Quyết định/);
  assert.equal((await active(page)).label, 'Quay lại hoàn thiện');
  await page.keyboard.press('Escape');
  // back on the button that asked
  await page.waitForFunction(() => document.activeElement?.textContent === 'Lưu vào trình duyệt để dùng');
  // the flags dealt with one by one ("Đã xử lý"), every item compared at once
  while (await page.locator('[data-flag] button').count()) await page.locator('[data-flag] button').first().click();
  await page.getByRole('button', { name: 'Đã đối chiếu hết với bảng gốc' }).click();
  await page.getByLabel('Số Quyết định').fill('99/QĐ-UBND');
  await page.getByRole('button', { name: 'Lưu vào trình duyệt để dùng' }).click();
  const saved = page.locator('[data-editor="saved"]');
  await saved.waitFor();
  assert.match(await saved.innerText(), /Đã lưu "Bộ tiêu chí thử QĐ 99" \(phiên bản 1\)/);
  await saved.getByRole('link', { name: 'Tạo bản tự đánh giá theo bộ tiêu chí này' }).click();
  await page.locator('#new-fw').waitFor();
  assert.match(await page.locator('#new-fw option:checked').innerText(), /Bộ tiêu chí thử QĐ 99/);
  assert.deepEqual(problems, []);
  await context.close();
});
