// End-to-end (#16): appraisal rounds by file, two browser profiles passing
// real downloaded files. The unit submits; Sở Nội vụ loads a batch of six,
// appraises one unit (three deductions, two explanation requests) and sends
// round 1; the unit sees the differences, explains and sends the
// explanation; round 2 settles; the unit imports the final appraisal.
// Once more at 360 px for the unit's side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve, launch, openPage, ensureOut, root, axe, noSideScroll, batch } from '../lib/harness.js';

// The files the app really writes match the schemas in schemas/.
const schemas = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
  const read = (f) => JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8'));
  ajv.addSchema(read('framework.schema.json'), 'framework.schema.json');
  ajv.addSchema(read('self-assessment.schema.json'), 'self-assessment.schema.json');
  return {
    self: ajv.getSchema('self-assessment.schema.json'),
    appraisal: ajv.compile(read('appraisal.schema.json')),
    explanation: ajv.compile(read('explanation.schema.json')),
  };
})();
function matches(kind, doc) {
  const v = schemas[kind];
  assert.ok(v(doc), `${kind}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
}

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const num = (s) => Number(s.trim().replace(/\./g, '').replace(',', '.'));

async function save(dl) {
  const file = path.join(ensureOut(), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(file) };
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return save(dl);
}

/** The unit: imports its file, opens it on "Nộp & thẩm định". */
async function unitOpens(page, file) {
  await page.goto(srv.url);
  await page.locator('.file-input').first().setInputFiles(file);
  const box = page.locator('[data-import]').first();
  await box.waitFor();
  if ((await box.getAttribute('data-import')) === 'confirm') await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await page.locator('[data-import]').first().getByRole('link', { name: 'Mở' }).click();
  await page.getByRole('link', { name: 'Nộp & thẩm định' }).click();
  await page.getByRole('heading', { name: 'Nộp bản tự đánh giá' }).waitFor();
}

async function roundTrip(viewport) {
  const files = batch('batch-e2e');
  assert.equal(files.length, 6);
  const u = await openPage(browser, srv.origin, { viewport });
  const unit = u.page;
  await unitOpens(unit, files[0]);
  const unitName = JSON.parse(files[0].buffer.toString('utf8')).unit.name;
  assert.match(await unit.locator('[data-rev="none"]').innerText(), /Chưa nộp/);

  // submit: a fixed revision, downloaded
  const submitted = await download(unit, () => unit.locator('[data-submit]').click());
  assert.match(submitted.name, /_ban-1\.json$/);
  const subDoc = JSON.parse(submitted.buffer.toString('utf8'));
  assert.equal(subDoc.submission.revision, 1);
  matches('self', subDoc);
  assert.match(await unit.locator('[data-rev="1"]').innerText(), /Đã nộp bản lần 1/);
  assert.ok(await unit.locator('[data-submit]').isDisabled(), 'nothing changed: nothing to submit again');
  // before any appraisal: a wrong file is refused with its reason
  await unit.locator('[data-import-appraisal]').setInputFiles(files[1]);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Không nhập được tệp: Cần tệp kết quả thẩm định, nhưng đây là tệp tự đánh giá\. Bản tự đánh giá không thay đổi\./ }).waitFor();

  // Sở Nội vụ: the batch (five others and the submitted one)
  const s = await openPage(browser, srv.origin);
  const desk = s.page;
  await desk.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await desk.locator('#desk-files').setInputFiles([submitted, ...files.slice(1)]);
  await desk.locator('[data-count="files"]').waitFor();
  assert.equal(await desk.locator('[data-count="files"]').innerText(), '6');
  assert.equal(await desk.locator('td[data-col="appraisal"]').getByText('chưa nộp').count(), 5);
  await desk.getByRole('link', { name: `Thẩm định ${unitName}` }).click();
  await desk.getByRole('heading', { name: `Thẩm định: ${unitName}` }).waitFor();
  const total = async (p, k) => num(await p.locator(`[data-apr="${k}"]`).innerText());
  const selfTotal = await total(desk, 'self');
  assert.equal(await total(desk, 'appraised'), selfTotal);
  assert.match(await desk.locator('[data-apr="count"]').innerText(), /^0\/\d+ mục$/);

  // nothing can be sent before the file can say who appraised
  assert.ok(await desk.locator('[data-export-apr]').isDisabled());
  assert.match(await desk.locator('[data-apr-problems]').innerText(), /Chưa ghi cơ quan thẩm định/);
  const deadline = new Date(Date.now() + 10 * 86400e3).toISOString().slice(0, 10);
  await desk.locator('#apr-deadline').fill(deadline);
  await desk.locator('#apr-by').fill('Sở Nội vụ');
  assert.doesNotMatch(await desk.locator('[data-apr-problems]').innerText(), /Chưa ghi cơ quan thẩm định/);

  // three deductions: items the unit scored above 0 whose input has a 0-point choice
  const items = desk.locator('[data-apr-item]');
  const n = await items.count();
  const cut = [];
  let lost = 0;
  for (let i = 0; i < n && cut.length < 3; i++) {
    const it = items.nth(i);
    const m = (await it.locator('.apr-unit').innerText()).match(/tự chấm ([\d,]+) điểm/);
    const pts = num(m[1]);
    if (!(pts > 0)) continue;
    await it.locator('[data-correct]').click();
    const zero = it.getByRole('radio', { name: /— 0 điểm$/ });
    if (await zero.count() === 0) { await it.locator('[data-accept]').click(); continue; }
    await zero.first().check();
    assert.match(await it.locator('[data-apr-points]').innerText(), /Điểm thẩm định: 0$/);
    cut.push(await it.getAttribute('data-apr-item'));
    lost += pts;
  }
  assert.equal(cut.length, 3);
  const r2 = (x) => Math.round(x * 100) / 100;
  assert.equal(await total(desk, 'appraised'), r2(selfTotal - lost));
  // a lower point needs a note before the round can be sent
  assert.ok(await desk.locator('[data-export-apr]').isDisabled());
  assert.match(await desk.locator('[data-apr-problems]').innerText(), /3 mục bị trừ điểm chưa có ghi chú thẩm định/);
  for (const id of cut) await desk.locator(`#apr-note-${CSS_escape(id)}`).fill(`Mục ${id}: minh chứng không đúng kỳ`);
  for (const id of cut.slice(0, 2)) await desk.locator(`#apr-req-${CSS_escape(id)}`).fill('Cung cấp văn bản gốc có ngày ban hành');
  // accept the rest that has evidence, undo, accept again
  const before = await desk.locator('[data-apr="count"]').innerText();
  await desk.locator('[data-accept-all]').click();
  const after = await desk.locator('[data-apr="count"]').innerText();
  assert.notEqual(after, before);
  await desk.locator('[data-undo]').click();
  assert.equal(await desk.locator('[data-apr="count"]').innerText(), before);
  await desk.locator('[data-accept-all]').click();
  assert.equal(await desk.locator('[data-apr="count"]').innerText(), after);
  assert.equal(await total(desk, 'appraised'), r2(selfTotal - lost));
  // filters
  await desk.getByRole('button', { name: 'Cần giải trình (2)', exact: true }).click();
  assert.equal(await items.count(), 2);
  await desk.getByRole('button', { name: 'Khác tự chấm (3)', exact: true }).click();
  assert.equal(await items.count(), 3);
  await desk.getByRole('button', { name: /^Tất cả \(\d+\)$/ }).click();
  // what was sent cannot be undone by the page
  assert.equal(await desk.locator('[data-undo]').count(), 1);
  await axe(desk, 'desk appraisal');
  await desk.screenshot({ path: path.join(ensureOut(), 'appraisal-desk.png'), fullPage: false });
  const round1 = await download(desk, () => desk.locator('[data-export-apr]').click());
  assert.match(round1.name, /_tham-dinh-vong-1\.json$/);
  assert.equal(await desk.locator('[data-undo]').count(), 0);
  assert.match(await desk.locator('[data-apr-msg]').innerText(), /gửi tệp này cho đơn vị/);
  // autosaved: a reload finds the work, and that it was sent
  await desk.waitForTimeout(300);
  await desk.reload();
  await desk.getByRole('heading', { name: `Thẩm định: ${unitName}` }).waitFor();
  await desk.locator('[data-apr="count"]').getByText(after).waitFor();
  assert.equal(await total(desk, 'appraised'), r2(selfTotal - lost));
  await desk.locator('[data-round2]').waitFor();
  const r1doc = JSON.parse(round1.buffer.toString('utf8'));
  assert.equal(r1doc.format, 'cchc-appraisal');
  assert.equal(r1doc.subject.revision_sha256, subDoc.checksum.value);
  assert.equal(r1doc.round, 1);
  assert.equal(r1doc.deadline, deadline);
  matches('appraisal', r1doc);
  assert.equal(schemas.appraisal({ ...r1doc, round: 3 }), false);

  // the unit: sees the differences and explains
  await unit.locator('[data-import-appraisal]').setInputFiles(round1);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Đã nhập kết quả thẩm định vòng 1\./ }).waitFor();
  assert.equal(await total(unit, 'self'), selfTotal);
  assert.equal(await total(unit, 'appraised'), r2(selfTotal - lost));
  assert.match(await unit.locator('[data-days-left]').innerText(), /còn (9|10) ngày/);
  for (const id of cut) assert.match(await unit.locator(`tr[data-line="${id}"]`).innerText(), /minh chứng không đúng kỳ/);
  await unit.getByRole('button', { name: 'Sắp theo điểm bị trừ' }).click();
  const firstRows = await unit.locator('tr[data-line]').evaluateAll((rs) => rs.slice(0, 3).map((r) => r.dataset.line));
  assert.deepEqual([...firstRows].sort(), [...cut].sort());
  // the short list: only what the appraisal changed or asks about
  await unit.locator('[data-only-diff]').click();
  assert.equal(await unit.locator('tr[data-line]').count(), 3);
  await unit.locator('[data-only-diff]').click();
  // nothing written yet: no empty explanation file
  assert.ok(await unit.locator('[data-export-explanation]').isDisabled());
  // the same file again: refused, nothing changed
  await unit.locator('[data-import-appraisal]').setInputFiles(round1);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Tệp này đã được nhập rồi\./ }).waitFor();
  assert.equal(await unit.locator('[data-reply]').count(), 2);
  for (const id of cut.slice(0, 2)) {
    await unit.locator(`#gt-${CSS_escape(id)}`).fill(`Đơn vị ban hành đúng hạn, gửi kèm văn bản (${id})`);
    await unit.locator(`#gt-ev-${CSS_escape(id)}`).fill(`${id.replace(/\./g, '')}/QĐ-UBND ngày 10/02 – Quyết định gốc`);
  }
  await noSideScroll(unit, `unit appraisal ${viewport.width}`);
  await axe(unit, 'unit appraisal');
  await unit.screenshot({ path: path.join(ensureOut(), `appraisal-unit-${viewport.width}.png`), fullPage: true });
  await unit.waitForTimeout(300);
  const explanation = await download(unit, () => unit.locator('[data-export-explanation]').click());
  assert.match(explanation.name, /_giai-trinh\.json$/);
  const exDoc = JSON.parse(explanation.buffer.toString('utf8'));
  assert.equal(exDoc.appraisal_sha256, r1doc.checksum.value);
  assert.equal(Object.keys(exDoc.items).length, 2);
  assert.equal(exDoc.late, false);
  matches('explanation', exDoc);
  assert.equal(schemas.explanation({ ...exDoc, format: 'cchc-appraisal' }), false);

  if (viewport.width === 1280) {
    // another desk (a colleague's machine) with only the files: the round-1
    // file counts as sent, so the explanation answering it is taken
    const f = await openPage(browser, srv.origin);
    await f.page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
    await f.page.locator('#desk-files').setInputFiles([submitted]);
    await f.page.getByRole('link', { name: `Thẩm định ${unitName}` }).click();
    await f.page.locator('[data-import-apr]').setInputFiles([round1, explanation]);
    const m = await f.page.locator('[data-apr-msg]').innerText();
    assert.match(m, /đã gộp kết quả của Sở Nội vụ: \d+ mục mới, 0 mục trùng khớp, 0 mục xung đột\./);
    assert.match(m, /đã nhận giải trình 2 mục\./);
    assert.match(m, /đã ghi nhận là đã gửi/);
    assert.equal(await f.page.locator('#apr-by').inputValue(), 'Sở Nội vụ');
    assert.equal(await f.page.locator('#apr-deadline').inputValue(), deadline);
    // a hand-edited copy of the submission, loaded after it: flagged, not
    // preferred, not appraised
    const doc = JSON.parse(submitted.buffer.toString('utf8'));
    doc.updated = '2099-01-01T00:00:00+07:00';
    const edited = { name: 'sua-tay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) };
    await f.page.getByRole('link', { name: /Về trang Tổng hợp/ }).click();
    await f.page.locator('#desk-files').setInputFiles([edited]);
    const row = f.page.locator('tr[data-file="sua-tay.json"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Mã kiểm tra không khớp/);
    assert.match(await row.innerText(), /không dùng tệp này/, 'newer, but edited: the intact file stands');
    assert.equal(await f.page.getByRole('link', { name: `Thẩm định ${unitName}` }).count(), 1);
    assert.deepEqual(f.problems, []);
    await f.context.close();
  }

  // Sở Nội vụ: the explanation beside round 1, round 2 settles one item
  await desk.locator('[data-import-apr]').setInputFiles(explanation);
  await desk.locator('[data-apr-msg]').filter({ hasText: /đã nhận giải trình 2 mục\./ }).waitFor();
  await desk.locator('[data-round2]').click();
  await desk.getByRole('heading', { name: 'Vòng 2 (cuối cùng)' }).waitFor();
  assert.equal(await desk.locator('[data-round2-confirm]').count(), 0, 'with the explanation in, no question');
  assert.equal(await desk.locator('[data-reply-shown]').count(), 2);
  const settled = desk.locator(`[data-apr-item="${cut[0]}"]`);
  assert.match(await settled.locator('.apr-r1').innerText(), /Vòng 1: sửa số liệu — Mục .*minh chứng không đúng kỳ/);
  assert.equal(await settled.locator(`#apr-req-${CSS_escape(cut[0])}`).count(), 0, 'round 2 asks nothing more');
  assert.match(await settled.locator('[data-reply-shown]').innerText(), /Đơn vị ban hành đúng hạn/);
  await settled.locator('[data-accept]').click();
  const back = num((await settled.locator('.apr-unit').innerText()).match(/tự chấm ([\d,]+) điểm/)[1]);
  assert.equal(await total(desk, 'appraised'), r2(selfTotal - lost + back));
  const final = await download(desk, () => desk.locator('[data-export-apr]').click());
  assert.match(final.name, /_tham-dinh-vong-2\.json$/);
  const finalDoc = JSON.parse(final.buffer.toString('utf8'));
  assert.equal(finalDoc.explanation_sha256, exDoc.checksum.value);
  matches('appraisal', finalDoc);

  // the unit: the final result
  await unit.locator('[data-import-appraisal]').setInputFiles(final);
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Đã nhập kết quả thẩm định vòng 2\./ }).waitFor();
  await unit.locator('[data-final]').waitFor();
  assert.equal(await total(unit, 'appraised'), r2(selfTotal - lost + back));
  assert.equal(await unit.locator('[data-reply]').count(), 0);
  // the unit's own answers were never touched
  assert.equal(await total(unit, 'self'), selfTotal);
  // a round-1 file after the final one is refused
  await unit.locator('[data-import-appraisal]').setInputFiles({ ...round1, name: 'lai.json' });
  await unit.locator('[data-appraisal-msg]').filter({ hasText: /Tệp này đã được nhập rồi\./ }).waitFor();

  if (viewport.width === 1280) {
    // the unit imports its file again over the stored copy: the answers
    // are replaced, the submissions and appraisals stay
    await unit.goto(srv.url);
    await unit.locator('.file-input').first().setInputFiles(files[0]);
    await unit.locator('[data-import="confirm"]').getByText(/các lần nộp, kết quả thẩm định và giải trình của bản đang có được giữ lại/).waitFor();
    await unit.getByRole('button', { name: 'Thay thế bản đang có' }).click();
    await unit.locator('[data-import]').first().getByRole('link', { name: 'Mở' }).click();
    await unit.getByRole('link', { name: 'Nộp & thẩm định' }).click();
    await unit.locator('[data-final]').waitFor();
    assert.equal(await total(unit, 'appraised'), r2(selfTotal - lost + back));
    assert.match(await unit.locator('.revisions').innerText(), /Bản lần 1/);
  }

  assert.deepEqual(u.problems, []);
  assert.deepEqual(s.problems, []);
  await u.context.close();
  await s.context.close();
}

// ids like 1.1.3 in a CSS selector
function CSS_escape(id) { return id.replace(/\./g, '\\.'); }

test('appraisal rounds by file between a unit and Sở Nội vụ (1280 px)', async () => {
  await roundTrip({ width: 1280, height: 800 });
});

test('the unit side at 360 px', async () => {
  await roundTrip({ width: 360, height: 740 });
});

test('two tabs on the same appraisal: the second pauses saving and says so', async () => {
  const files = batch('batch-e2e-sub');
  const a = await openPage(browser, srv.origin);
  await a.page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await a.page.locator('#desk-files').setInputFiles(files);
  await a.page.locator('td[data-col="appraisal"] a').first().click();
  await a.page.locator('[data-apr-item]').first().waitFor();
  const b = await a.context.newPage();
  await b.goto(a.page.url());
  await b.locator('[data-apr-item]').first().waitFor();
  // tab A appraises an item, then tab B (which read the rounds before) too
  await a.page.locator('[data-apr-item]').first().locator('[data-accept]').click();
  await a.page.waitForTimeout(400);
  await b.locator('[data-apr-item]').nth(1).locator('[data-accept]').click();
  await b.locator('[data-rounds-conflict]').waitFor();
  assert.match(await b.locator('[data-rounds-conflict]').innerText(), /vừa được lưu từ một thẻ \(tab\) khác/);
  // tab A's work is what a reload finds
  await b.reload();
  await b.locator('[data-apr="count"]').filter({ hasText: /^1\// }).waitFor();
  assert.deepEqual(a.problems, []);
  await a.context.close();
});

test("the appraiser sets 'không phát sinh' as the unit can, and the rule scores it", async () => {
  const files = batch('batch-e2e-sub');
  const a = await openPage(browser, srv.origin);
  const p = a.page;
  await p.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await p.locator('#desk-files').setInputFiles(files);
  await p.locator('td[data-col="appraisal"] a').first().click();
  const items = p.locator('[data-apr-item]');
  await items.first().waitFor();
  const n = await items.count();
  let done = false;
  for (let i = 0; i < n && !done; i++) {
    const it = items.nth(i);
    await it.locator('[data-correct]').click();
    const box = it.getByRole('checkbox', { name: /Không phát sinh trong kỳ/ });
    if (await box.count() === 0) { await it.locator('[data-accept]').click(); continue; }
    const max = (await it.locator('.apr-unit').innerText()).match(/Tối đa ([\d,]+)/)[1];
    await box.check();
    await it.locator('[data-apr-points]').filter({ hasText: `Điểm thẩm định: ${max}` }).waitFor();
    await box.uncheck();
    assert.equal(await box.isChecked(), false);
    done = true;
  }
  assert.ok(done, 'a Sở framework has items where "không phát sinh" earns the maximum');
  assert.deepEqual(a.problems, []);
  await a.context.close();
});
