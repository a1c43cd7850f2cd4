// End-to-end: Sở Nội vụ drops a batch of units' files with a broken file, a
// duplicate and a tampered total; sees the right table, warnings and
// refusals; opens a unit read-only; compares with the previous batch.
// The batches come from examples/gen_batch.rs (scripts/test.sh makes them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, ensureOut, root, axe, batch } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });


test('a batch with a broken file, a duplicate and a tampered total', async () => {
  const files = batch('batch-e2e');
  assert.equal(files.length, 6); // 4 sở, 2 xã (every third is a xã)
  const dup = { ...files[0], name: 'ban-sao.json' };
  const t = JSON.parse(files[1].buffer.toString('utf8'));
  t.unit.name = 'Sở Sửa Tay';
  t.summary.total = 99.5;
  const tampered = { name: 'sua-tay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(t)) };
  const broken = { name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cchc-self-assessment", ') };
  // the same unit's Quý III file in a batch of Năm files: set aside, never ranked twice
  const q = JSON.parse(files[2].buffer.toString('utf8'));
  q.period.period = 'q3';
  const q3 = { name: 'quy-3.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(q)) };

  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await page.getByRole('heading', { name: 'Tổng hợp các đơn vị (Sở Nội vụ)' }).waitFor();
  await page.locator('#desk-files').setInputFiles([...files, dup, tampered, broken, q3]);
  await page.locator('[data-count="files"]').waitFor();
  const count = (k) => page.locator(`[data-count="${k}"]`).innerText();
  assert.equal(await count('files'), '10');
  assert.equal(await count('refused'), '1');
  assert.equal(await count('dup'), '1');
  assert.equal(await count('warn'), '1');
  assert.equal(await count('other'), '1');
  assert.equal(await page.locator('#desk-period').evaluate((s) => s.selectedOptions[0].textContent), 'Năm 2025');
  assert.match(await page.locator('tr[data-file="quy-3.json"]').innerText(), /Khác kỳ[\s\S]*Không xếp hạng: tệp của kỳ khác với kỳ đang xếp hạng \(Năm 2025\)/);
  assert.match(await page.locator('[data-desk="other-period"]').innerText(), /1 tệp của kỳ khác Năm 2025 được để riêng/);

  // refused with its reason; the others still ranked
  assert.match(await page.locator('tr[data-file="hong.json"]').innerText(), /Bị từ chối[\s\S]*không đúng định dạng JSON/);
  assert.match(await page.locator('tr[data-file="sua-tay.json"]').innerText(), /Có cảnh báo[\s\S]*Mã kiểm tra không khớp[\s\S]*tệp ghi 99,5/);
  const dupRow = page.locator(`tr[data-file="${files[0].name}"]`);
  assert.match(await dupRow.innerText(), /Trùng[\s\S]*ban-sao\.json \(cập nhật \d\d\/\d\d\/\d{4}\); tệp này cập nhật \d\d\/\d\d\/\d{4}/);

  const soRows = page.locator('[data-rank="So"] tbody tr');
  const xaRows = page.locator('[data-rank="Xa"] tbody tr');
  assert.equal(await soRows.count(), 5); // 4 generated sở + the hand-edited one
  assert.equal(await xaRows.count(), 2);
  // ranks ascend with indices descending
  const idx = await page.locator('[data-rank="So"] tbody td[data-col="index"]').allInnerTexts();
  const nums = idx.map((x) => Number(x.replace(',', '.')));
  assert.deepEqual(nums, [...nums].sort((a, b) => b - a));
  assert.equal(await page.locator('[data-rank="So"] tbody td[data-col="rank"]').first().innerText(), '1');
  // sort by unit name
  await page.locator('[data-rank="So"]').getByRole('button', { name: 'Đơn vị' }).click();
  const names = await page.locator('[data-rank="So"] tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.unit));
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'vi')));
  // province-wide losses listed
  assert.ok(await page.locator('tr[data-loss]').count() > 5);
  await axe(page, 'desk');
  await page.screenshot({ path: path.join(ensureOut(), 'desk.png'), fullPage: true });

  // choose the other duplicate
  await page.getByRole('button', { name: `Dùng tệp này: ${files[0].name}` }).click();
  assert.match(await page.locator('tr[data-file="ban-sao.json"]').innerText(), /Trùng/);

  // the ranking for Excel, as shown: an .xlsx (a ZIP of XML, stored)
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel xếp hạng' }).click()]);
  assert.equal(dl.suggestedFilename(), 'CCHC_xep-hang.xlsx');
  const xlsx = fs.readFileSync(await dl.path());
  assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK');
  const sheet = xlsx.toString('utf8');
  assert.match(sheet, /Xếp hạng kết quả tự đánh giá Chỉ số CCHC Năm 2025/);
  assert.equal((sheet.match(/<t xml:space="preserve">Sở, ban, ngành<\/t>/g) || []).length, 5);

  // open a unit read-only
  await page.locator('[data-rank="Xa"] tbody a').first().click();
  await page.getByText('Chế độ chỉ xem').waitFor();
  assert.ok(await page.locator('[data-sub="1.1.1"] input[type=radio]').first().isDisabled());
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
  await page.getByRole('link', { name: '← Về trang Tổng hợp' }).click();
  assert.equal(await count('files'), '10');

  // previous period: change in index and rank
  await page.locator('#desk-prev').setInputFiles(batch('batch-e2e-prev'));
  await page.locator('[data-rank="So"] td[data-col="change"]').first().waitFor();
  const changes = await page.locator('[data-rank="So"] td[data-col="change"]').allInnerTexts();
  assert.equal(changes.filter((c) => c === 'không có tệp kỳ trước').length, 1); // Sở Sửa Tay
  assert.ok(changes.filter((c) => /^chỉ số (\+|−)?[\d,]+ \(kỳ trước [\d,]+\); hạng \d+ → \d+/.test(c)).length === 4, changes.join(' | '));
  // each unit once: no name twice in a block
  const units = await page.locator('[data-rank="So"] tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.unit));
  assert.equal(new Set(units).size, units.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('66 files, three oversized, one forged, one with its own framework: none holds up or fools the desk', async () => {
  const files = batch('batch-e2e-66');
  assert.equal(files.length, 66);
  const { context, page, problems } = await openPage(browser, srv.origin);
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await page.getByRole('heading', { name: 'Tổng hợp các đơn vị (Sở Nội vụ)' }).waitFor();
  // Timed in the page from the input's change event (before it, the test
  // harness hands the browser 20 MB of files: not the app's work).
  await page.evaluate(() => {
    document.querySelector('#desk-files').addEventListener('change', () => { window.__t0 = performance.now(); }, { once: true });
  });
  await page.locator('#desk-files').setInputFiles(files);
  await page.locator('[data-count="files"]').waitFor({ timeout: 60000 });
  const { ms, longest } = await page.evaluate(() => ({
    ms: performance.now() - window.__t0,
    longest: Math.max(0, ...window.__long.filter(([t]) => t >= window.__t0 - 1).map(([, d]) => d)),
  }));
  console.log(`desk: 66 files (3 oversized) ranked in ${Math.round(ms)} ms; longest task ${Math.round(longest)} ms`);
  const count = (k) => page.locator(`[data-count="${k}"]`).innerText();
  assert.equal(await count('files'), '66');
  assert.equal(await count('refused'), '4');
  for (const k of [1, 2, 3]) {
    assert.match(await page.locator(`tr[data-file="qua-lon-${k}.json"]`).innerText(), /Bị từ chối[\s\S]*Tệp quá lớn \(6,0 MB\)/);
  }
  assert.match(await page.locator('tr[data-file="ten-qua-dai.json"]').innerText(), /Bị từ chối[\s\S]*dài quá giới hạn/);
  // the forged copy is scored with the desk's own framework and says so
  assert.match(await page.locator('tr[data-file="gian-lan.json"]').innerText(),
    /Sở Gian Lận: tệp kèm bộ tiêu chí mang mã "gia-lai-so-mau" phiên bản 2025\.1 nhưng nội dung khác/);
  const official = page.locator('[data-rank="So"][data-framework="gia-lai-so-mau"]');
  assert.equal(await official.locator('tbody tr').count(), 61); // 60 + the forged one, rescored
  const forgedIdx = await official.locator('tr[data-unit="Sở Gian Lận"] td[data-col="index"]').innerText();
  const sameIdx = await official.locator('tr[data-unit="Sở Thử Nghiệm 001"] td[data-col="index"]').innerText();
  assert.equal(forgedIdx, sameIdx, 'same answers, same index: the forged rules are not used');
  // a framework of its own: ranked apart, never beside the official one
  const apart = page.locator('[data-rank="So"][data-framework="bo-rieng"]');
  assert.equal(await apart.locator('tbody tr').count(), 1);
  assert.match(await apart.innerText(), /chấm theo bộ tiêu chí kèm trong tệp của đơn vị, chưa có trong trang này: xếp hạng riêng/);
  assert.equal(await official.locator('tr[data-unit="Sở Bộ Riêng"]').count(), 0);
  assert.ok(longest < 200, `a task of ${longest} ms`);
  await page.screenshot({ path: path.join(ensureOut(), 'desk-66.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
