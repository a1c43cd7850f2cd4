// End-to-end: what a new user ran into (issue 12), each kept mended: the
// plan never replaces a typed figure, two tabs lose nothing, inputs that
// refuse nonsense, the jumped-to item not under the sticky bar, the phone,
// the keyboard, the printed report and desk, the desk across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, ensureOut, root, noSideScroll, axe, batch } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const pts = (page, id) => page.locator(`[data-sub="${id}"] .pts`).getAttribute('data-points');

async function create(page, name = 'Sở Tư pháp') {
  await page.goto(srv.url + '#/moi');
  await page.getByLabel('Tên cơ quan, đơn vị').fill(name);
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByRole('radio', { name: /Quý III\b/ }).check();
  await page.getByRole('button', { name: 'Tạo và bắt đầu tự chấm' }).click();
  await page.locator('[data-sub="1.1.1"]').waitFor();
  return page.url().match(/#\/a\/[^/]+/)[0];
}

test('a typed plan figure stays until the user chooses the plan', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  const base = srv.url + await create(page);
  await page.locator('#s1-1-3-num').fill('14');
  await page.locator('#s1-1-3-den').fill('18');
  assert.equal(await pts(page, '1.1.3'), '0'); // 77.78% → 0
  await page.goto(base + '/ke-hoach');
  const sec = page.locator('[data-area="institutions"]');
  await sec.getByRole('button', { name: /Thêm nhiệm vụ/ }).click();
  const task = sec.locator('[data-task]').last();
  await task.getByLabel('Nhiệm vụ', { exact: true }).fill('Ban hành kế hoạch');
  // due before the Quý III cut-off (14/9): it counts at this period
  await task.getByLabel('Thời hạn').fill('2025-08-31');
  await task.getByLabel('Trạng thái').selectOption({ label: 'Hoàn thành' });
  assert.match(await page.locator('[data-plan="feeds"]').innerText(), /đang dùng số liệu nhập tay/);
  await page.goto(base + '/tieu-chi/1.1');
  // the typed 14/18 still scores; both figures are shown
  assert.equal(await pts(page, '1.1.3'), '0');
  const box = page.locator('[data-sub="1.1.3"] [data-plan-box]');
  assert.match(await box.innerText(), /Theo Kế hoạch CCHC năm: 1\/1 nhiệm vụ đến hạn trước hoặc đúng ngày 14\/9 đã hoàn thành \(100,00%\) → 2 điểm/);
  assert.match(await box.innerText(), /Theo số liệu nhập tay: 14\/18 = 77,78% → 0 điểm/);
  assert.match(await box.innerText(), /Hai nguồn số liệu cho kết quả khác nhau/);
  // the user's choice switches, and the typed figure is kept
  await box.getByRole('radio', { name: /Theo Kế hoạch CCHC năm/ }).check();
  assert.equal(await pts(page, '1.1.3'), '2');
  assert.match(await box.innerText(), /Số liệu nhập tay vẫn được giữ/);
  await box.getByRole('radio', { name: /Theo số liệu nhập tay/ }).check();
  assert.equal(await pts(page, '1.1.3'), '0');
  assert.equal(await page.locator('#s1-1-3-num').inputValue(), '14');
  assert.deepEqual(problems, []);
  await context.close();
});

test('inputs refuse nonsense: progress on a task not started, amounts, a year 12025', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  const base = srv.url + await create(page);
  // amounts in triệu đồng with a decimal comma
  await page.goto(base + '/tieu-chi/6.1');
  await page.locator('#s6-1-2-num').fill('1.234,5');
  await page.locator('#s6-1-2-den').fill('1.300');
  assert.equal(await page.locator('[data-sub="6.1.2"] [data-ratio]').innerText(), '94,96%');
  assert.equal(await pts(page, '6.1.2'), '0.75');
  // an evidence date in year 12025 is not kept
  await page.locator('[data-sub="6.1.1"]').getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await page.locator('#s6-1-1-ev0-date').fill('2025-04-02');
  await page.locator('#s6-1-1-ev0-date').fill('12025-04-02');
  const id = base.split('#/a/')[1];
  const saved = () => page.evaluate((k) => JSON.parse(localStorage.getItem(`cchc.a.${k}`)).assessment, id);
  assert.equal((await saved()).answers['6.1.1'].evidence[0].date, '2025-04-02');
  // 60 % on a task "Chưa thực hiện": it has started
  await page.goto(base + '/ke-hoach');
  const sec = page.locator('[data-area="procedures"]');
  await sec.getByRole('button', { name: /Thêm nhiệm vụ/ }).click();
  const task = sec.locator('[data-task]').last();
  await task.getByLabel('Quý III (%)').fill('60');
  assert.equal(await task.getByLabel('Trạng thái').evaluate((s) => s.selectedOptions[0].textContent), 'Đang thực hiện');
  // deleting asks first
  await task.getByRole('button', { name: /Xóa nhiệm vụ/ }).click();
  await task.getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await sec.locator('[data-task]').count(), 1);
  await task.getByRole('button', { name: /Xóa nhiệm vụ/ }).click();
  await task.getByRole('button', { name: 'Xóa', exact: true }).click();
  assert.equal(await sec.locator('[data-task]').count(), 0);
  // a text at its limit shows a counter and stops there
  await page.goto(base + '/thong-tin');
  await page.getByLabel('Tên cơ quan, đơn vị *').fill('Ă'.repeat(400));
  assert.equal((await page.getByLabel('Tên cơ quan, đơn vị *').inputValue()).length, 300);
  await page.getByText('300/300 ký tự').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs: saving pauses visibly, nothing is lost, both can be kept', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  const hash = await create(page, 'UBND xã Ia Pết');
  const other = await context.newPage();
  await other.goto(srv.url + hash);
  await other.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  // tab A: paused, said where the user is typing, never "Đã lưu"
  await page.locator('[data-saved="paused"]').waitFor();
  assert.equal(await page.locator('.save-state').innerText(), 'Tạm dừng lưu (thẻ khác vừa lưu)');
  await page.locator('#s1-1-3-num').fill('9');
  await page.locator('#s1-1-3-den').fill('10');
  assert.ok(await page.locator('[data-bar-alert]').isVisible(), 'the warning is in the sticky bar');
  const bar = await page.locator('.summary-bar').boundingBox();
  assert.ok(bar.y >= -1 && bar.y < 5, `the bar is at the top while typing (y=${bar.y})`);
  // this tab's edits are kept aside: close tab B, then A keeps both
  await other.close();
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc.aside.')));
  assert.equal(aside.length, 1);
  await page.getByRole('button', { name: 'Giữ cả hai: lưu bản ở thẻ này thành bản sao' }).click();
  await page.locator('[data-notice]').getByRole('link', { name: /Mở bản sao/ }).waitFor();
  assert.equal(await pts(page, '1.1.2'), '1'); // the other tab's version, opened here
  await page.goto(srv.url);
  const rows = await page.locator('tr[data-assessment]').allInnerTexts();
  assert.ok(rows.some((r) => r.includes('UBND xã Ia Pết (bản sao)')), rows.join(' | '));
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc.aside.')).length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the jumped-to item is never under the sticky bar; the keyboard path is short', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const { context, page, problems } = await openPage(browser, srv.origin, { viewport });
    const base = srv.url + await create(page);
    // answer 1.1 so the next unanswered is further down the page
    await page.goto(base + '/tieu-chi/1.2');
    await page.getByRole('button', { name: 'Mục chưa trả lời tiếp theo' }).click();
    // (1.3.1 is judged only at year end: at Quý III the next is 1.3.2)
    await page.waitForURL(/tieu-chi\/1\.3\/1\.3\.2$|tieu-chi\/1\.1\/1\.1\.1$/);
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Mục chưa trả lời tiếp theo' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
      const [barBottom, top] = await page.evaluate(() => {
        const bar = document.querySelector('.summary-bar').getBoundingClientRect();
        const el = document.activeElement.closest('[data-sub]') || document.activeElement;
        return [bar.bottom, el.getBoundingClientRect().top];
      });
      assert.ok(top >= barBottom - 1, `${viewport.width}px: item top ${top} under the bar (${barBottom})`);
    }
    await page.screenshot({ path: path.join(ensureOut(), `jump-${viewport.width}.png`) });
    // from the top of the page, a few Tabs reach the first answer
    await page.goto(base + '/tieu-chi/1.1');
    await page.locator('[data-sub="1.1.1"]').waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    let stops = 0;
    for (; stops < 40; stops++) {
      await page.keyboard.press('Tab');
      const inAnswer = await page.evaluate(() => !!document.activeElement?.closest('[data-sub] .rule'));
      if (inAnswer) break;
    }
    assert.ok(stops < 25, `${viewport.width}px: ${stops} tab stops before the first answer`);
    if (viewport.width > 900) {
      // the criteria list is one stop; arrows move in it
      await page.locator('a.nav-crit[tabindex="0"]').focus();
      await page.keyboard.press('ArrowDown');
      assert.match(await page.evaluate(() => document.activeElement.textContent), /^1\.2 /);
      await page.keyboard.press('End');
      assert.match(await page.evaluate(() => document.activeElement.textContent), /^8\.2 /);
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await page.waitForURL(/tieu-chi\/1\.1$/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a phone: tables reflow, the total stays on screen', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin, { viewport: { width: 360, height: 740 } });
  const base = srv.url + await create(page);
  await page.locator('[data-sub="1.1.2"]').getByRole('radio', { name: /^Đạt/ }).check();
  await page.evaluate(() => window.scrollTo(0, 1200));
  const bar = await page.locator('.summary-bar').boundingBox();
  assert.ok(bar.y >= -1 && bar.y < 5 && bar.height < 200, `compact bar on top: ${JSON.stringify(bar)}`);
  assert.ok(await page.locator('[data-summary="total"]').isVisible());
  await page.goto(base + '/tong-hop');
  await noSideScroll(page, 'phone summary');
  // no word cut in a cell: every header cell is as wide as its longest word
  const broken = await page.evaluate(() => [...document.querySelectorAll('.fields th, .fields td')].filter((c) => {
    const r = document.createRange(); r.selectNodeContents(c);
    return [...c.textContent.split(/\s+/)].some((w) => w.length > 3 && c.scrollWidth > c.clientWidth + 1);
  }).length);
  assert.equal(broken, 0);
  await page.screenshot({ path: path.join(ensureOut(), 'phone-summary-mended.png'), fullPage: true });
  await page.goto(base + '/bao-cao');
  await noSideScroll(page, 'phone report');
  await page.screenshot({ path: path.join(ensureOut(), 'phone-report.png'), fullPage: true });
  await axe(page, 'phone report');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the printed report: columns whole, page numbers, raw figures, one archive line', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  const base = srv.url + await create(page);
  await page.locator('#s1-1-3-num').fill('18');
  await page.locator('#s1-1-3-den').fill('20');
  await page.locator('#s1-1-3-expl').fill('Số liệu theo báo cáo quý III');
  await page.locator('[data-sub="1.1.3"]').getByRole('button', { name: '+ Biện pháp khắc phục' }).click();
  await page.locator('[data-action]').last().getByLabel('Biện pháp (việc sẽ làm)').fill('Hoàn thành 2 nhiệm vụ còn lại của kế hoạch');
  await page.goto(base + '/bao-cao');
  await page.getByLabel('Ngày báo cáo').fill('2025-09-18');
  await page.getByLabel('Địa danh').fill('Gia Lai');
  await page.getByLabel('Nơi nhận').fill('Sở Nội vụ;\n- Lưu: VT, VP.');
  await page.getByText(/Đã lưu lúc/).waitFor();
  const pdf = path.join(ensureOut(), 'bao-cao-mended.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  fs.writeFileSync(path.join(ensureOut(), 'bao-cao-mended.txt'), text);
  const flat = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(flat.includes('Gia Lai, ngày 18 tháng 9 năm 2025'), 'decree-30 date');
  assert.ok(/STT\s+Lĩnh vực\/Tiêu chí/.test(text) && /STT\s+Tiêu chí\s+Biện pháp/.test(text), 'headers whole');
  assert.ok(!/S\s*T\s*T\s*\n/.test(text.replace(/STT/g, '')), 'no STT split');
  assert.ok(flat.includes('18/20 (90,00%)'), 'raw figures');
  assert.ok(flat.includes('Giải trình: Số liệu theo'), 'explanations');
  assert.equal((flat.match(/- Lưu: VT/g) || []).length, 1, 'one archive line');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
  assert.ok(pages >= 2);
  const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-']).toString('utf8');
  assert.match(second.trim().split('\n')[0].trim(), /^2$/, 'page number on page 2');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(ensureOut(), 'bao-cao-mended')]);
  assert.deepEqual(problems, []);
  await context.close();
});


test('the desk keeps its batch across a reload, prints landscape with a title', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
  await page.locator('#desk-files').setInputFiles(batch('batch-e2e'));
  await page.locator('[data-count="files"]').waitFor();
  assert.equal(await page.locator('[data-count="files"]').innerText(), '6');
  // F5: the batch is still there
  await page.reload();
  await page.locator('[data-count="files"]').waitFor();
  assert.equal(await page.locator('[data-count="files"]').innerText(), '6');
  // a unit's page survives a reload too
  await page.locator('[data-rank="So"] tbody a').first().click();
  await page.getByText('Chế độ chỉ xem').waitFor();
  await page.reload();
  await page.getByText('Chế độ chỉ xem').waitFor();
  await page.goBack();
  await page.locator('[data-count="files"]').waitFor();
  // printed: A4 landscape, titled with the period, every field column
  const pdf = path.join(ensureOut(), 'desk.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  assert.ok(Number(w) > Number(h), `landscape: ${w} x ${h}`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  assert.ok(text.includes('Kết quả tự đánh giá Chỉ số CCHC Năm 2025'), 'a title with the period');
  for (const f of ['LV 1', 'LV 4', 'LV 8']) assert.ok(text.includes(f), `column ${f} printed`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(ensureOut(), 'desk-print')]);
  // clearing asks first
  await page.getByRole('button', { name: 'Xóa danh sách' }).click();
  await page.getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await page.locator('[data-count="files"]').innerText(), '6');
  await page.getByRole('button', { name: 'Xóa danh sách' }).click();
  await page.getByRole('button', { name: 'Xóa danh sách' }).click();
  await page.getByText('Chưa nạp tệp nào.').waitFor();
  await page.reload();
  await page.getByText('Chưa nạp tệp nào.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the editor: Vietnamese messages, capitals to sentence case, a rule change asks first', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await page.goto(srv.url + 'so-noi-vu/#/bo-tieu-chi');
  await page.getByText('Dán bảng từ Quyết định (Word, Excel)').click();
  await page.getByLabel('Bảng dán vào').fill([
    '1\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\t20', '1.1\tKế hoạch CCHC\t20', '1.1.1\tBan hành kế hoạch\t20',
    '\tBan hành kịp thời: 20', '\tKhông ban hành: 0',
  ].join('\n'));
  await page.getByRole('button', { name: 'Tạo bản nháp từ bảng' }).click();
  const status = page.locator('[data-editor="status"]');
  assert.match(await status.innerText(), /Bộ tiêu chí: tổng điểm tối đa là 20, phải bằng 100/);
  assert.doesNotMatch(await page.locator('.editor').innerText(), /\bfields:/);
  await page.getByRole('button', { name: 'Chuyển thành chữ thường, viết hoa chữ đầu' }).click();
  assert.equal(await page.locator('#ed-0-title').inputValue(), 'Công tác chỉ đạo, điều hành CCHC');
  // switching 1.1.1 from levels to yes/no asks before dropping them
  await page.locator('#ed-0-0-0-kind').selectOption('yes_no');
  await page.getByText('Đổi sang "Đạt / Không đạt" sẽ bỏ 2 mức đang có.').waitFor();
  await page.getByRole('button', { name: 'Giữ nguyên' }).click();
  assert.equal(await page.locator('[data-ed-sub="1.1.1"] .ed-line').count(), 2);
  // a ratio without names for its figures is pointed out
  await page.locator('#ed-0-0-0-kind').selectOption('proportional');
  await page.getByRole('button', { name: 'Đổi và bỏ các mức' }).click();
  await page.getByText(/Chưa đặt tên tử số hoặc mẫu số/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
