// End-to-end: export a self-assessment file, import it into a fresh browser
// profile, and refuse every bad file with its message, data intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, ensureOut } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const pts = (page, id) => page.locator(`[data-sub="${id}"] .pts`).getAttribute('data-points');
const summary = async (page) => {
  const out = {};
  for (const k of ['self', 'survey', 'total', 'index', 'band', 'completion', 'missing']) {
    out[k] = await page.locator(`[data-summary="${k}"]`).innerText();
  }
  return out;
};

async function createAndAnswer(page) {
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp');
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByRole('radio', { name: /Quý I\b/ }).check();
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /^Kịp thời/ }).check();
  await page.locator('#s1-1-3-num').fill('9');
  await page.locator('#s1-1-3-den').fill('10');
  await page.locator('[data-sub="1.1.3"]').getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await page.locator('#s1-1-3-ev0-number').fill('05/BC-STP');
  await page.locator('#s1-1-3-ev0-date').fill('2025-03-10');
  await page.locator('#s1-1-3-ev0-summary').fill('Báo cáo CCHC quý I <b>đậm</b>');
  await page.goto(page.url().replace(/#.*/, '') + page.url().match(/#\/a\/[^/]+/)[0] + '/tieu-chi/1.2');
  await page.locator('#s1-2-1-count').fill('3');
  await page.goto(page.url().replace(/tieu-chi\/.*/, 'tieu-chi/8.1'));
  await page.locator('#s8-1-1-est').fill('9');
  await page.getByText(/Đã lưu lúc/).waitFor();
}

async function exportFile(page) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất tệp tự đánh giá (.json)' }).click(),
  ]);
  const file = path.join(ensureOut(), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file, text: fs.readFileSync(file, 'utf8') };
}

async function importFile(page, name, text, { confirm = 'Nhập' } = {}) {
  await page.locator('.file-input').first().setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const box = page.locator('[data-import]').first();
  await box.waitFor();
  if ((await box.getAttribute('data-import')) === 'confirm' && confirm) {
    await page.getByRole('button', { name: confirm, exact: true }).click();
  }
  return page.locator('[data-import]').first();
}

test('export in one profile, import in a fresh one: identical answers and totals', async () => {
  const a = await openPage(browser, srv.origin);
  await createAndAnswer(a.page);
  const before = await summary(a.page);
  const exported = await exportFile(a.page);
  assert.equal(exported.name, 'CCHC_so-tu-phap_2025_Q1.json');
  const doc = JSON.parse(exported.text);
  assert.equal(doc.format, 'cchc-self-assessment');
  // Quý I, "đến kỳ báo cáo": 1 (kịp thời) + 1 (90%) + 1 (3 reports, 1 due by 14/3)
  assert.equal(doc.format_version, 2);
  assert.equal(doc.summary.figure, 'den_ky_bao_cao');
  assert.equal(doc.summary.self_points, 3);
  assert.equal(doc.summary.total, 3); // the survey estimate (9) waits for the year
  assert.equal(doc.summary.not_yet_max, 24);
  // "dự kiến cả năm": 3 + the survey estimate 9
  assert.equal(doc.summary.projection.total, 12);
  assert.equal(doc.checksum.algorithm, 'sha256');
  assert.match(doc.exported_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  assert.deepEqual(a.problems, []);
  await a.context.close();

  const b = await openPage(browser, srv.origin);
  await b.page.goto(srv.url);
  const done = await importFile(b.page, exported.name, exported.text);
  assert.match(await done.innerText(), /Đã nhập tệp CCHC_so-tu-phap_2025_Q1\.json: Sở Tư pháp — Quý I 2025/);
  await done.getByRole('link', { name: 'Mở' }).click();
  await b.page.locator('[data-sub="1.1.1"]').waitFor();
  assert.deepEqual(await summary(b.page), before);
  assert.equal(await b.page.locator('#s1-1-3-ev0-number').inputValue(), '05/BC-STP');
  assert.equal(await b.page.locator('#s1-1-3-ev0-date').inputValue(), '2025-03-10');
  assert.equal(await pts(b.page, '1.1.3'), '1');
  // exporting again gives the same bytes, bar the export time
  const again = await exportFile(b.page);
  const strip = (t) => t.replace(/"exported_at": "[^"]*"/, '');
  assert.equal(strip(again.text), strip(exported.text));
  assert.deepEqual(b.problems, []);
  await b.context.close();
});

test('bad files are refused with their message, and nothing changes', async () => {
  const a = await openPage(browser, srv.origin);
  await createAndAnswer(a.page);
  const good = await exportFile(a.page);
  await a.context.close();

  const { context, page, problems } = await openPage(browser, srv.origin);
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(srv.url);
  await importFile(page, good.name, good.text);
  const rows = () => page.locator('tr[data-assessment]').count();
  assert.equal(await rows(), 1);

  const doc = JSON.parse(good.text);
  const variant = (f) => { const d = structuredClone(doc); f(d); return JSON.stringify(d, null, 2); };
  const cases = [
    ['hong.json', '{ "format": "cchc-self-assessment",\n  oops }', /không đúng định dạng JSON \(lỗi ở dòng 2, cột 3\)/],
    ['khac.json', '{"name": "package"}', /không phải tệp tự đánh giá Chỉ số CCHC/],
    ['bo-tieu-chi.json', fs.readFileSync(new URL('../../frameworks/gia-lai-so-mau.json', import.meta.url), 'utf8'), /Đây là tệp bộ tiêu chí/],
    ['moi-hon.json', variant((d) => { d.format_version = 7; }), /phiên bản ứng dụng mới hơn \(định dạng 7\)\. Hãy cập nhật ứng dụng/],
    ['la.json', variant((d) => { d.framework.id = 'tinh-khac'; }), /bộ tiêu chí "tinh-khac" .* không có trong ứng dụng/],
    ['lech.json', variant((d) => { d.answers['9.9.9'] = { value: { type: 'yes_no', yes: true } }; d.answers['1.1.1'] = { value: { type: 'choice', option: 'z' } }; }),
      /không khớp với bộ tiêu chí \(2 mục\): 1\.1\.1: .*; 9\.9\.9:/],
    ['lon.json', ' '.repeat(6 * 1024 * 1024), /Tệp quá lớn \(6,0 MB\)/],
  ];
  for (const [name, text, re] of cases) {
    const box = await importFile(page, name, text);
    assert.equal(await box.getAttribute('data-import'), 'error', name);
    assert.match(await box.innerText(), re, name);
    assert.match(await box.innerText(), /Dữ liệu hiện có không bị thay đổi/);
    assert.equal(await rows(), 1, `${name} changed the list`);
  }

  // A tampered total: a warning to acknowledge, figures recomputed.
  const tampered = variant((d) => { d.summary.total = 99; });
  await page.locator('.file-input').first().setInputFiles({ name: 'sua.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  const confirm = page.locator('[data-import="confirm"]');
  await confirm.waitFor();
  const text = await confirm.innerText();
  assert.match(text, /Mã kiểm tra \(checksum\) không khớp/);
  assert.match(text, /chỉ số đến kỳ báo cáo tính lại 3,95%/);
  assert.match(text, /Tổng điểm: tệp ghi 99, tính lại 3\b/);
  assert.match(text, /cùng đơn vị và kỳ báo cáo/);
  await page.getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await rows(), 1);
  // the same file twice: keep both
  await importFile(page, good.name, good.text, { confirm: 'Giữ cả hai' });
  assert.equal(await rows(), 2);
  // …or replace
  await importFile(page, good.name, good.text, { confirm: 'Thay thế bản đang có' });
  assert.equal(await rows(), 2);

  // Drag and drop works too.
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'keo-tha.json', { type: 'application/json' }));
    document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, '{"x":1}');
  const dropped = page.locator('[data-import="error"]');
  await dropped.waitFor();
  assert.match(await dropped.innerText(), /keo-tha\.json/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile text in every string renders as text', async () => {
  const a = await openPage(browser, srv.origin);
  await createAndAnswer(a.page);
  const good = await exportFile(a.page);
  await a.context.close();
  const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const doc = JSON.parse(good.text);
  const poison = (x) => {
    if (typeof x === 'string') return x + evil;
    if (Array.isArray(x)) return x.map(poison);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) =>
      [k, ['format', 'algorithm', 'type', 'option', 'period', 'unit_type', 'id', 'version', 'sha256', 'value', 'date', 'created', 'updated', 'exported_at', 'cutoff'].includes(k) ? v : poison(v)]));
    return x;
  };
  const evilDoc = poison(doc);
  const { context, page, problems } = await openPage(browser, srv.origin);
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(srv.url);
  const box = await importFile(page, 'doc.json', JSON.stringify(evilDoc), { confirm: 'Vẫn nhập' });
  assert.equal(await box.getAttribute('data-import'), 'done');
  await box.getByRole('link', { name: 'Mở' }).click();
  await page.locator('[data-sub="1.1.3"]').waitFor();
  assert.match(await page.locator('h1').innerText(), /<img src=x onerror=/);
  assert.equal(await page.locator('#s1-1-3-ev0-summary').inputValue(), 'Báo cáo CCHC quý I <b>đậm</b>' + evil);
  await page.getByRole('link', { name: 'Kết quả', exact: true }).click();
  await page.getByRole('link', { name: 'Thông tin đơn vị', exact: true }).click();
  await page.getByRole('link', { name: 'Tự chấm điểm Chỉ số CCHC' }).click();
  await page.locator('tr[data-assessment]').first().waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare with the previous period', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await createAndAnswer(page);
  // duplicate Q1 → 6 tháng, then make one item worse and one better there
  await page.getByRole('link', { name: 'Tự chấm điểm Chỉ số CCHC' }).click();
  await page.getByRole('button', { name: 'Nhân bản sang kỳ sau: Sở Tư pháp — Quý I 2025' }).click();
  await page.getByRole('link', { name: 'Mở: Sở Tư pháp — 6 tháng 2025' }).click();
  await page.locator('[data-sub="1.1.1"]').getByRole('radio', { name: /Không kịp thời/ }).check();
  await page.locator('#s1-1-3-num').fill('10');
  await page.getByRole('link', { name: 'So sánh kỳ trước', exact: true }).click();
  await page.getByLabel('Chọn bản tự đánh giá đã lưu').selectOption({ label: 'Sở Tư pháp — Quý I 2025' });
  await page.getByRole('heading', { name: /So với: Sở Tư pháp — Quý I 2025/ }).waitFor();
  const row = (id) => page.locator(`tr[data-sub-row="${id}"]`);
  assert.match(await row('1.1.1').innerText(), /1\s+0,5\s+−0,5/);
  assert.equal(await row('1.1.1').getAttribute('class'), 'worse');
  assert.match(await row('1.1.3').innerText(), /1\s+2\s+\+1/);
  // 1.2.1 (3 reports) is full at Quý I (1 due) and at 6 tháng (2 due)
  assert.match(await page.locator('tr[data-field="1"]').innerText(), /3\s+3,5\s+\+0,5/);
  // the survey waits for the year end in both: nothing to compare
  assert.equal(await page.locator('tr[data-sub-row]').count(), 2);
  // an unchanged row: a plain 0, not a red one
  const same = page.locator('tr[data-field="2"] td').last();
  assert.equal(await same.innerText(), '0');
  assert.equal(await same.getAttribute('class'), 'num same');
  assert.deepEqual(problems, []);
  await context.close();
});
