// End-to-end (#17): official results. Sở Nội vụ loads eight submitted
// units, appraises one to its final round, pastes the survey contractor's
// table (refused whole first, with each problem), enters the decision,
// and gets the official index and ranking (a tie made on purpose), the
// appendix printed to PDF (read back with pdftotext), the CSV (UTF-8 with
// BOM), a unit's scoring table and its results file, which the unit's app
// imports to show its official result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve, launch, openPage, ensureOut, root, axe, noSideScroll, batch } from '../lib/harness.js';

const resultsSchema = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 })
  .compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'official-results.schema.json'), 'utf8')));

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const num = (s) => Number(s.trim().replace(/\./g, '').replace(',', '.').replace('−', '-'));
const vi = (x) => x.toFixed(2).replace('.', ',');
const r2 = (x) => Math.round(x * 100) / 100;

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(ensureOut(), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(file) };
}

/** The appendix table as the user sees it: name → cells. */
async function appendix(page) {
  const rows = await page.locator('[data-official="appendix"] tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.innerText.trim())));
  return rows.map((c) => ({ stt: c[0], name: c[1], self: c[2], appraised: c[3], survey: c[4], adj: c[5], total: c[6], index: c[7], rank: c[8], band: c[9], stage: c[c.length - 1] }));
}

/** The tie rule: equal to the hundredth share a rank, the next skips. */
function ranks(list) {
  const sorted = [...list].sort((a, b) => b.index - a.index || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  let prev = null;
  return sorted.map((u, i) => {
    const rank = prev && prev.index === u.index ? prev.rank : i + 1;
    prev = { index: u.index, rank };
    return { name: u.name, rank };
  });
}

test('official results: survey pasted, ranking with a tie, appendix PDF and CSV, a unit imports its result', async () => {
  const files = batch('batch-e2e-8');
  assert.equal(files.length, 8);
  const s = await openPage(browser, srv.origin, { viewport: { width: 1280, height: 900 } });
  const desk = s.page;
  await desk.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await desk.locator('#desk-files').setInputFiles(files);
  await desk.locator('[data-count="ranked"]').filter({ hasText: /^8$/ }).waitFor();

  // one unit appraised to its final round: one item cut to 0, with a note
  const first = JSON.parse(files[0].buffer.toString('utf8')).unit.name;
  await desk.getByRole('link', { name: `Thẩm định ${first}` }).click();
  await desk.getByRole('heading', { name: `Thẩm định: ${first}` }).waitFor();
  await desk.locator('#apr-deadline').fill(new Date(Date.now() + 10 * 86400e3).toISOString().slice(0, 10));
  await desk.locator('#apr-by').fill('Sở Nội vụ');
  const items = desk.locator('[data-apr-item]');
  let cut = null;
  let cutPts = 0;
  for (let i = 0; i < await items.count() && !cut; i++) {
    const it = items.nth(i);
    const pts = num((await it.locator('.apr-unit').innerText()).match(/tự chấm ([\d,]+) điểm/)[1]);
    if (!(pts > 0)) continue;
    await it.locator('[data-correct]').click();
    const zero = it.getByRole('radio', { name: /— 0 điểm$/ });
    if (await zero.count() === 0) { await it.locator('[data-accept]').click(); continue; }
    await zero.first().check();
    cut = await it.getAttribute('data-apr-item');
    cutPts = pts;
  }
  assert.ok(cut);
  await desk.locator(`#apr-note-${cut.replace(/\./g, '\\.')}`).fill('Minh chứng không đúng kỳ đánh giá');
  await desk.locator('[data-accept-all]').click();
  await download(desk, () => desk.locator('[data-export-apr]').click());
  await desk.locator('[data-round2]').click();
  await desk.locator('[data-round2-confirm]').getByRole('button', { name: 'Vẫn bắt đầu vòng 2' }).click();
  await desk.getByRole('heading', { name: 'Vòng 2 (cuối cùng)' }).waitFor();
  await download(desk, () => desk.locator('[data-export-apr]').click());

  // the official results page: every unit, no survey yet (counts 0)
  await desk.getByRole('link', { name: 'Kết quả chính thức' }).click();
  await desk.locator('[data-official="appendix"]').waitFor();
  let rows = await appendix(desk);
  assert.equal(rows.length, 8);
  const mine = rows.find((r) => r.name === first);
  assert.equal(mine.stage, 'đã có kết quả cuối');
  assert.equal(num(mine.appraised), r2(num(mine.self) - cutPts));
  assert.ok(rows.filter((r) => r.name !== first).every((r) => r.stage === 'chưa thẩm định' && r.appraised === r.self));
  assert.ok(rows.every((r) => r.survey === '0,00 *' && r.index === r.total), 'no survey result: 0, marked');
  assert.match(await desk.locator('[data-official="not-final"]').innerText(), /^7 đơn vị chưa có kết quả thẩm định cuối cùng/);
  assert.match(await desk.locator('[data-official="no-survey"]').innerText(), /^8 đơn vị chưa có đủ điểm điều tra/);

  // a table with problems: refused whole, every problem listed, nothing applied
  const names = rows.map((r) => r.name);
  const bad = ['STT\tĐơn vị\t8.1.1\t8.2.1', `1\t${names[0]}\t12\t5`, '2\tSở Không Có\t5\t5', `3\t${names[1]}\t5\t5`].join('\n');
  await desk.locator('#off-paste').fill(bad);
  await desk.getByRole('button', { name: 'Áp dụng bảng dán' }).click();
  const refusal = await desk.locator('[data-official-msg]').innerText();
  assert.match(refusal, /^Chưa áp dụng bảng dán \(không có gì thay đổi\)/);
  assert.match(refusal, /Dòng 2.*12.*tối đa 10/);
  assert.match(refusal, /Dòng 3.*Sở Không Có/);
  assert.ok((await appendix(desk)).every((r) => r.survey === '0,00 *'));

  // the valid table: two units made to tie on purpose
  const byApp = [...rows].sort((a, b) => num(b.appraised) - num(a.appraised));
  let pair = null;
  for (let i = 0; i + 1 < byApp.length && !pair; i++) {
    const diff = r2(num(byApp[i].appraised) - num(byApp[i + 1].appraised));
    if (diff > 0 && diff <= 20) pair = [byApp[i], byApp[i + 1], diff];
  }
  assert.ok(pair, 'two units within 20 points of each other');
  const survey = {};
  for (const r of rows) survey[r.name] = [5, 7.5];
  survey[pair[0].name] = [0, 0];
  const a = Math.min(10, pair[2]);
  survey[pair[1].name] = [r2(a), r2(pair[2] - a)];
  const tsv = ['STT\tĐơn vị\tTC 8.1.1\t8.2.1\tTổng'].concat(rows.map((r, i) => `${i + 1}\t${r.name.toUpperCase()}\t${vi(survey[r.name][0])}\t${vi(survey[r.name][1])}\t${vi(survey[r.name][0] + survey[r.name][1])}`)).join('\n');
  await desk.locator('#off-paste').fill(tsv);
  await desk.getByRole('button', { name: 'Áp dụng bảng dán' }).click();
  await desk.locator('[data-official-msg]').filter({ hasText: 'Đã áp dụng điểm điều tra xã hội học cho 8 đơn vị (2 cột; ô trống giữ nguyên điểm đã có).' }).waitFor();
  assert.equal(await desk.locator('#off-paste').inputValue(), '');
  assert.equal(await desk.locator('[data-official="no-survey"]').count(), 0);
  rows = await appendix(desk);
  const expected = rows.map((r) => ({ name: r.name, index: r2(num(r.appraised) + survey[r.name][0] + survey[r.name][1]) }));
  for (const e of expected) assert.equal(num(rows.find((r) => r.name === e.name).index), e.index, e.name);
  assert.deepEqual(rows.map((r) => ({ name: r.name, rank: Number(r.rank) })), ranks(expected));
  const tied = rows.filter((r) => r.name === pair[0].name || r.name === pair[1].name);
  assert.equal(tied[0].rank, tied[1].rank, 'equal indexes share a rank');
  assert.equal(tied[0].index, tied[1].index);
  const after = rows.find((r) => Number(r.rank) > Number(tied[0].rank));
  if (after) assert.equal(Number(after.rank), Number(tied[0].rank) + 2, 'the next rank skips');

  // a later table with an empty cell changes only what it holds
  const other = rows.find((r) => r.name !== pair[0].name && r.name !== pair[1].name);
  await desk.locator('#off-paste').fill(`Đơn vị\t8.1.1\t8.2.1\n${other.name}\t\t3`);
  await desk.getByRole('button', { name: 'Áp dụng bảng dán' }).click();
  await desk.locator('[data-official-msg]').filter({ hasText: 'cho 1 đơn vị' }).waitFor();
  survey[other.name][1] = 3;
  assert.equal((await appendix(desk)).find((r) => r.name === other.name).survey, vi(survey[other.name][0] + 3));
  rows = await appendix(desk);
  // the button keeps the focus for the keyboard, an empty paste says so
  assert.equal(await desk.evaluate(() => document.activeElement?.innerText), 'Áp dụng bảng dán');
  await desk.keyboard.press('Enter');
  await desk.locator('[data-official-msg]').filter({ hasText: /Bảng dán trống/ }).waitFor();

  // a survey point typed by hand above its maximum is refused and not kept
  await desk.locator("[data-entry] button[aria-expanded]").click();
  const cell = desk.locator(`[data-entry] tr[data-unit="${names[2]}"] input[data-survey="8.1.1"]`);
  await cell.fill('11');
  await cell.press('Tab');
  await desk.locator('[data-entry] [role="alert"]').filter({ hasText: 'Tiêu chí 8.1.1: 11 vượt điểm tối đa 10 (không lưu).' }).waitFor();
  assert.equal((await appendix(desk)).find((r) => r.name === names[2]).survey, rows.find((r) => r.name === names[2]).survey);

  // the council's bonus replaces the unit's own claims, and can be undone
  const third = rows.find((r) => r.name === names[2]);
  await desk.locator(`[data-entry] tr[data-unit="${names[2]}"]`).getByLabel(`${names[2]}: Sáng kiến, giải pháp CCHC được cấp tỉnh công nhận`).fill('1');
  await desk.locator(`[data-entry] tr[data-unit="${names[2]}"]`).getByLabel(`${names[2]}: Sáng kiến, giải pháp CCHC được cấp tỉnh công nhận`).press('Tab');
  await desk.locator(`[data-official="appendix"] tr[data-unit="${names[2]}"]`).filter({ hasText: vi(num(third.index) + 1) }).waitFor();
  assert.equal((await appendix(desk)).find((r) => r.name === names[2]).adj, '1,00');
  assert.match(await desk.locator(`[data-entry] tr[data-unit="${names[2]}"]`).innerText(), /\+1 \(Hội đồng quyết định\)/);
  await desk.locator(`[data-entry] tr[data-unit="${names[2]}"]`).getByRole('button', { name: 'Trở lại điểm đơn vị tự nhận' }).click();
  await desk.locator(`[data-official="appendix"] tr[data-unit="${names[2]}"]`).filter({ hasText: third.index }).waitFor();
  assert.equal((await appendix(desk)).find((r) => r.name === names[2]).adj, third.adj);

  // the decision, then ranking by a field
  await desk.locator('#off-number').fill('45/QĐ-UBND');
  await desk.locator('#off-number').press('Tab');
  await desk.locator('#off-date').fill('2027-02-10');
  await desk.locator('#off-date').press('Tab');
  await desk.locator('[data-official="heading"]').filter({ hasText: '(Kèm theo Quyết định số 45/QĐ-UBND, ngày 10/02/2027)' }).waitFor();
  await desk.locator('#off-by').selectOption('0:f:8');
  assert.equal(await desk.locator('[data-official="by-node"] tbody tr').count(), 8);
  await desk.locator('#off-by').selectOption('');
  await noSideScroll(desk, 'official 1280');
  await axe(desk, 'official results');
  await desk.screenshot({ path: path.join(ensureOut(), 'official-1280.png'), fullPage: true });

  // kept: a reload finds the survey points and the decision
  await desk.waitForTimeout(300);
  await desk.reload();
  await desk.locator('[data-official="appendix"]').waitFor();
  assert.deepEqual((await appendix(desk)).map((r) => [r.name, r.index, r.rank]), rows.map((r) => [r.name, r.index, r.rank]));
  assert.equal(await desk.locator('#off-number').inputValue(), '45/QĐ-UBND');

  // the appendix printed: heading, the group, the tie
  const pdf = path.join(ensureOut(), 'official-appendix.pdf');
  await desk.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: false });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  assert.match(text, /KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025/);
  assert.match(text, /\(Kèm theo Quyết định số 45\/QĐ-UBND, ngày 10\/02\/2027\)/);
  assert.match(text, /Khối Sở, ban, ngành/);
  assert.doesNotMatch(text, /Áp dụng bảng dán|Nhập tay/, 'the inputs do not print');
  for (const r of tied) {
    const line = text.split('\n').find((l) => l.includes(r.name));
    assert.ok(line, r.name);
    assert.match(line, new RegExp(`${r.index}\\s+${r.rank}\\s`), line);
  }

  // the CSV: UTF-8 with BOM, the heading, the columns, the rows
  const csv = await download(desk, () => desk.locator('[data-download="csv"]').click());
  assert.match(csv.name, /^CCHC_phu-luc-ket-qua_2025\.csv$/);
  assert.deepEqual([...csv.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.buffer.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[1], '"(Kèm theo Quyết định số 45/QĐ-UBND, ngày 10/02/2027)"');
  assert.equal(lines[4], 'STT,Đơn vị,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH,Điểm thưởng/trừ,Tổng điểm,Chỉ số,Xếp hạng,Xếp loại');
  rows.forEach((r, i) => {
    const c = lines[5 + i].split(',');
    assert.deepEqual([c[1], c[7], c[8]], [r.name, String(num(r.index).toFixed(2)), r.rank]);
  });

  // the batch's results file matches its schema
  const all = await download(desk, () => desk.locator('[data-download="results"]').click());
  const allDoc = JSON.parse(all.buffer.toString('utf8'));
  assert.ok(resultsSchema(allDoc), JSON.stringify(resultsSchema.errors?.slice(0, 3)));
  assert.equal(allDoc.units.length, 8);

  // this period's own file is not last year's
  await desk.locator('[data-official-prev]').setInputFiles(all);
  await desk.locator('[data-official-msg]').filter({ hasText: /không nhận — đây là kết quả của chính kỳ đang xếp hạng \(Năm 2025\)/ }).waitFor();
  // last year's results, made by another desk from the same units' 2024
  // files (edited here, so marked as such): index and rank then, and the change
  const p = await openPage(browser, srv.origin);
  await p.page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await p.page.locator('#desk-files').setInputFiles(files.map((f) => {
    const doc = JSON.parse(f.buffer.toString('utf8'));
    doc.period.year = 2024;
    doc.period.cutoff = '2024-12-14';
    return { ...f, name: f.name.replace('2025', '2024'), buffer: Buffer.from(JSON.stringify(doc)) };
  }));
  await p.page.locator('[data-count="ranked"]').filter({ hasText: /^8$/ }).waitFor();
  await p.page.goto(srv.url + 'so-noi-vu/#/so-noi-vu/ket-qua');
  await p.page.locator('[data-official="damaged"]').filter({ hasText: /^8 đơn vị có tệp bị sửa hoặc hỏng/ }).waitFor();
  const lastRows = await appendix(p.page);
  const last = await download(p.page, () => p.page.locator('[data-download="results"]').click());
  await p.context.close();
  await desk.locator('[data-official-prev]').setInputFiles(last);
  await desk.locator('[data-official-msg]').filter({ hasText: 'Đã nạp kết quả chính thức kỳ trước của 8 đơn vị.' }).waitFor();
  const withPrev = await desk.locator('[data-official="appendix"] tbody tr').first().evaluate((r) => [...r.children].map((c) => c.innerText.trim()));
  const then = lastRows.find((r) => r.name === rows[0].name);
  assert.equal(withPrev[10], `${then.index} (hạng ${then.rank})`);
  const delta = r2(num(rows[0].index) - num(then.index));
  const moved = Number(then.rank) - Number(rows[0].rank);
  assert.equal(withPrev[11], `${delta > 0 ? '+' : ''}${delta === 0 ? '0' : String(delta).replace('.', ',').replace('-', '−')}${moved > 0 ? `, lên ${moved} hạng` : moved < 0 ? `, xuống ${-moved} hạng` : ''}`);
  // a refused file changes nothing
  await desk.locator('[data-official-prev]').setInputFiles({ ...all, name: 'hong.json', buffer: Buffer.from('{"format": "cchc-official-results"') });
  await desk.locator('[data-official-msg]').filter({ hasText: /hong\.json: không nhận — Tệp không đúng định dạng JSON/ }).waitFor();
  assert.match(await desk.locator('.official-inputs').innerText(), /Đã nạp 8 đơn vị\./);

  // the appraised unit's scoring table and results file
  await desk.getByRole('link', { name: first, exact: true }).click();
  await desk.locator('[data-official="table"]').waitFor();
  const cutRow = desk.locator('[data-official="table"] tbody tr').filter({ hasText: 'Minh chứng không đúng kỳ đánh giá' });
  assert.equal(await cutRow.count(), 1);
  assert.match(await cutRow.innerText(), new RegExp(`^${cut.replace(/\./g, '\\.')}`));
  const tableCsv = await download(desk, () => desk.locator('[data-download="table-csv"]').click());
  assert.deepEqual([...tableCsv.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(tableCsv.buffer.toString('utf8'), /\r\nSTT,Lĩnh vực\/Tiêu chí\/Tiêu chí thành phần,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Ghi chú của đơn vị,Ghi chú thẩm định\r\n/);
  const unitFile = await download(desk, () => desk.locator('[data-download="unit-results"]').click());
  const unitDoc = JSON.parse(unitFile.buffer.toString('utf8'));
  assert.equal(unitDoc.format, 'cchc-official-results');
  assert.ok(resultsSchema(unitDoc), JSON.stringify(resultsSchema.errors?.slice(0, 3)));
  assert.equal(unitDoc.units.length, 1);
  const myRow = rows.find((r) => r.name === first);
  assert.equal(unitDoc.units[0].index, num(myRow.index));
  await desk.emulateMedia({ media: 'print' });
  await desk.pdf({ path: path.join(ensureOut(), 'official-scoring-table.pdf'), format: 'A4', landscape: true });
  await desk.emulateMedia({ media: 'screen' });

  // the unit's app: its own result beside its estimate, and what cost most
  const u = await openPage(browser, srv.origin, { viewport: { width: 360, height: 740 } });
  const unit = u.page;
  await unit.goto(srv.url);
  await unit.locator('.file-input').first().setInputFiles(files[0]);
  const box = unit.locator('[data-import]').first();
  await box.waitFor();
  if ((await box.getAttribute('data-import')) === 'confirm') await unit.getByRole('button', { name: 'Nhập', exact: true }).click();
  await unit.locator('[data-import]').first().getByRole('link', { name: 'Mở' }).click();
  await unit.getByRole('link', { name: 'Nộp & thẩm định' }).click();
  // an edited results file is refused, nothing changes
  const edited = { ...unitFile, name: 'khac.json', buffer: Buffer.from(JSON.stringify({ ...unitDoc, units: [] })) };
  await unit.locator('[data-import-appraisal]').setInputFiles(edited);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Không nhập được tệp: Mã kiểm tra \(checksum\) không khớp/ }).waitFor();
  assert.equal(await unit.locator('[data-official-result]').count(), 0);
  await unit.locator('[data-import-appraisal]').setInputFiles(unitFile);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: 'Đã nhập kết quả chính thức.' }).waitFor();
  const res = unit.locator('[data-official-result]');
  assert.equal(await res.locator('[data-col="index"]').innerText(), myRow.index);
  assert.equal(await res.locator('[data-col="rank"]').innerText(), `${myRow.rank}/8`);
  assert.match(await res.innerText(), /Kèm theo Quyết định số 45\/QĐ-UBND/);
  assert.match(await res.locator('[data-official="costliest"]').innerText(), /8\.1\.1|Minh chứng không đúng kỳ/);
  await noSideScroll(unit, 'unit official 360');
  await unit.screenshot({ path: path.join(ensureOut(), 'official-unit-360.png'), fullPage: true });
  // kept with the assessment
  await unit.waitForTimeout(300);
  await unit.reload();
  await unit.locator('[data-official-result] [data-col="index"]').waitFor();

  assert.deepEqual(s.problems, []);
  assert.deepEqual(u.problems, []);
  await s.context.close();
  await u.context.close();
});
