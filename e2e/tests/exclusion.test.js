// A criterion that goes with a field (template A: 7.2 online public services
// goes with field 3, administrative procedures): declared with the field on
// the unit's page, never on its own; an older stored assessment that
// excluded 7.2 alone shows the problem at 7.2 and lets the user untick it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from '../lib/harness.js';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const stored = (excluded) => JSON.stringify({
  store_version: 1, saved_by: 'e2e', saved_at: '2025-03-01T08:00:00+07:00',
  assessment: {
    id: 'excl1', framework: { id: 'gia-lai-so-mau', version: '2025.1' }, unit_name: 'Sở Không TTHC', year: 2025,
    period: 'year', contact: {}, answers: {}, excluded, adjustments: {},
    created: '2025-03-01T08:00:00+07:00', updated: '2025-03-01T08:00:00+07:00',
  },
});

test('field 3 not applicable takes criterion 7.2 with it; 7.2 has no toggle of its own', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await context.addInitScript(([v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('cchc.a.excl1', v); sessionStorage.setItem('seeded', '1'); } }, [stored([])]);
  await page.goto(`${srv.url}#/a/excl1/thong-tin`);
  const box = page.getByLabel(/Lĩnh vực 3\. .*\(cùng tiêu chí 7\.2\): không áp dụng/);
  await box.check();
  await page.goto(`${srv.url}#/a/excl1/tieu-chi/7.2`);
  await page.getByText('Tiêu chí này không áp dụng cùng lĩnh vực 3').waitFor();
  assert.equal(await page.getByLabel('Tiêu chí 7.2 không áp dụng cho đơn vị').count(), 0);
  assert.match(await page.locator('.crit-heading .pts').innerText(), /^0 \/ 0 điểm$/);
  await page.goto(`${srv.url}#/a/excl1/tieu-chi/3.1`);
  assert.ok(await page.getByLabel(/Cả lĩnh vực 3 không áp dụng .*\(cùng tiêu chí 7\.2\)/).isChecked());
  assert.deepEqual(problems, []);
  await context.close();
});

test('7.2 excluded alone (stored before the link) is shown as an error and can be unticked', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await context.addInitScript(([v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('cchc.a.excl1', v); sessionStorage.setItem('seeded', '1'); } }, [stored(['7.2'])]);
  await page.goto(`${srv.url}#/a/excl1/tieu-chi/7.2`);
  await page.getByText(/chỉ không áp dụng cùng lĩnh vực 3/).waitFor();
  assert.match(await page.locator('.crit-heading .pts').innerText(), /\/ 6 điểm$/);
  const lone = page.getByLabel('Tiêu chí 7.2 không áp dụng cho đơn vị');
  assert.ok(await lone.isChecked());
  await lone.click();
  assert.equal(await page.getByText(/chỉ không áp dụng cùng lĩnh vực 3/).count(), 0);
  assert.equal(await lone.count(), 0); // gone once unticked: 7.2 goes with field 3 now
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cchc.a.excl1')));
  assert.deepEqual(saved.assessment.excluded, []);
  assert.deepEqual(problems, []);
  await context.close();
});
