// Measures the release build in headless Chromium (run after
// `trunk build --release --offline`):
//   1. gzip size of wasm + js + css of the agency's app in dist/ (budget
//      250 KiB), and of the full build for Sở Nội vụ in dist/so-noi-vu/
//      (for information: it is the agency's app plus the desk and editor),
//   2. time from navigation to the checklist being usable, with a fully
//      answered sở-template assessment stored (median of 7 loads),
//   3. time from an answer change to the updated total on screen, and to
//      the next frame (median and p95 of 60 changes; budget 16 ms).
// Usage: node e2e/measure.js            (prints a report, writes e2e/out/measure.json)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, openPage, root, ensureOut } from './lib/harness.js';

const dist = path.join(root, 'dist');
const sizesOf = (dir) => fs.readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).map((f) => {
  const buf = fs.readFileSync(path.join(dir, f));
  return { file: path.relative(dist, path.join(dir, f)), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
});
const sizes = sizesOf(dist);
const gzipTotal = sizes.reduce((a, s) => a + s.gzip, 0);
const officeSizes = sizesOf(path.join(dist, 'so-noi-vu'));
const officeTotal = officeSizes.reduce((a, s) => a + s.gzip, 0);

// A fully answered sở assessment, with evidence on every item.
const fw = JSON.parse(fs.readFileSync(path.join(root, 'frameworks', 'gia-lai-so-mau.json'), 'utf8'));
const answers = {};
let i = 0;
for (const f of fw.fields) for (const c of f.criteria) for (const s of c.subs) {
  i++;
  const r = s.rule;
  const value = r.kind === 'options' ? { type: 'choice', option: r.options[i % r.options.length].id }
    : r.kind === 'yes_no' ? { type: 'yes_no', yes: i % 3 !== 0 }
    : r.kind === 'count_bands' ? { type: 'count', count: i % 5 }
    : r.kind === 'survey' ? { type: 'estimate', points: 7 }
    : { type: 'ratio', numerator: 90 + (i % 11), denominator: 100 };
  answers[s.id] = { value, evidence: [{ number: `${i}/KH-UBND`, date: '2025-03-01', issuer: 'UBND tỉnh Gia Lai', summary: 'Kế hoạch cải cách hành chính năm 2025 của cơ quan', link: '' }] };
}
// 1.2.1 counts up to 4 only
answers['1.2.1'].value = { type: 'count', count: 3 };
const assessment = {
  id: 'measure1', framework: { id: fw.id, version: fw.version }, unit_name: 'Sở Đo lường', year: 2025, period: 'q1',
  contact: {}, answers, excluded: [], adjustments: {}, created: '2025-01-01T08:00:00+07:00', updated: '2025-01-01T08:00:00+07:00',
};
const stored = JSON.stringify({ store_version: 1, saved_by: 'measure', saved_at: '2025-01-01T08:00:00+07:00', assessment });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

const srv = await serve();
const browser = await launch();
const loads = [];
let changes = null;
try {
  for (let run = 0; run < 7; run++) {
    const { context, page, problems } = await openPage(browser, srv.origin);
    await context.addInitScript(([v]) => {
      localStorage.setItem('cchc.a.measure1', v);
      new MutationObserver((_, obs) => {
        const el = document.querySelector('[data-sub="3.4.1"] input');
        if (el && !window.__usable) { window.__usable = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, [stored]);
    await page.goto(srv.url + '#/a/measure1/tieu-chi/3.4');
    await page.waitForFunction(() => window.__usable);
    loads.push(await page.evaluate(() => window.__usable));
    if (run === 6) {
      changes = await page.evaluate(async () => {
        const input = document.querySelector('#s3-4-1-num');
        const total = document.querySelector('[data-summary="total"]');
        const dom = []; const frame = [];
        for (let k = 0; k < 60; k++) {
          const before = total.textContent;
          const changed = new Promise((res) => {
            const mo = new MutationObserver(() => { if (total.textContent !== before) { mo.disconnect(); res(performance.now()); } });
            mo.observe(total, { childList: true, characterData: true, subtree: true });
          });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const t0 = performance.now();
          input.value = String(k % 2 ? 89 : 100);
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          const t1 = await changed;
          await new Promise((r) => requestAnimationFrame(r));
          const t2 = performance.now();
          dom.push(t1 - t0); frame.push(t2 - t0);
        }
        return { dom, frame };
      });
    }
    if (problems.length) throw new Error(problems.join('\n'));
    await context.close();
  }
} finally {
  await browser.close();
  await srv.close();
}

const report = {
  sizes, gzip_total_kib: +(gzipTotal / 1024).toFixed(1), budget_kib: 250,
  office_sizes: officeSizes, office_gzip_total_kib: +(officeTotal / 1024).toFixed(1),
  load_to_usable_ms: { median: +median(loads).toFixed(1), runs: loads.map((x) => +x.toFixed(1)) },
  answer_to_total_ms: { median: +median(changes.dom).toFixed(2), p95: +p95(changes.dom).toFixed(2) },
  answer_to_next_frame_ms: { median: +median(changes.frame).toFixed(2), p95: +p95(changes.frame).toFixed(2) },
};
fs.writeFileSync(path.join(ensureOut(), 'measure.json'), JSON.stringify(report, null, 2));
for (const s of sizes) console.log(`${s.file.padEnd(40)} raw ${String(s.raw).padStart(8)} B   gzip ${String(s.gzip).padStart(7)} B`);
console.log(`agency app, gzip total (wasm+js+css): ${report.gzip_total_kib} KiB (budget ${report.budget_kib} KiB)`);
for (const s of officeSizes) console.log(`${s.file.padEnd(40)} raw ${String(s.raw).padStart(8)} B   gzip ${String(s.gzip).padStart(7)} B`);
console.log(`full build for Sở Nội vụ (so-noi-vu/), gzip total: ${report.office_gzip_total_kib} KiB`);
console.log(`navigation → checklist usable: median ${report.load_to_usable_ms.median} ms over ${loads.length} loads`);
console.log(`answer change → total updated: median ${report.answer_to_total_ms.median} ms, p95 ${report.answer_to_total_ms.p95} ms`);
console.log(`answer change → next frame:    median ${report.answer_to_next_frame_ms.median} ms, p95 ${report.answer_to_next_frame_ms.p95} ms (budget 16 ms)`);
