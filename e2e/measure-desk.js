// Measures Sở Nội vụ's desk on the release build in headless Chromium:
// 200 fully answered sở-template files (each with evidence text) loaded,
// checked and ranked; the longest main-thread task; JS heap and wasm memory.
// Usage (after `trunk build --release --offline`):
//   cargo run --release --example gen_batch -- --count 200 --seed 42 --out target/batch-200
//   node e2e/measure-desk.js [target/batch-200]
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, root, ensureOut } from './lib/harness.js';

const dir = path.resolve(root, process.argv[2] || 'target/batch-200');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ name: f, mimeType: 'application/json', buffer: fs.readFileSync(path.join(dir, f)) }));
const bytes = files.reduce((a, f) => a + f.buffer.length, 0);

const srv = await serve();
const browser = await launch();
const runs = [];
try {
  for (let run = 0; run < 5; run++) {
    const { context, page, problems } = await openPage(browser, srv.origin);
    await context.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    });
    await page.goto(srv.url + 'so-noi-vu/#/so-noi-vu');
    await page.locator('#desk-files').waitFor();
        // Timed inside the page: from the input's change event to 200 ranked rows on screen.
    await page.evaluate((n) => {
      window.__done = new Promise((resolve) => {
        document.querySelector('#desk-files').addEventListener('change', () => {
          const t0 = performance.now();
          window.__t0 = t0;
          const check = () => {
            const rows = document.querySelectorAll('[data-rank] tbody tr').length;
            if (rows >= n) resolve(performance.now() - t0); else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }, { once: true });
      });
    }, files.length);
    await page.locator('#desk-files').setInputFiles(files);
    const ms = await page.evaluate(() => window.__done);
    const mem = await page.evaluate(() => ({
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength : null,
      longest: Math.max(0, ...window.__long.filter(([t]) => t >= window.__t0 - 1).map(([, d]) => d)),
      startup: Math.max(0, ...window.__long.filter(([t]) => t < window.__t0 - 1).map(([, d]) => d)),
    }));
    if (problems.length) throw new Error(problems.join('\n'));
    runs.push({ ms, ...mem });
    await context.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
const med = (k) => { const s = runs.map((r) => r[k]).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const report = {
  files: files.length, total_bytes: bytes,
  load_check_rank_ms: { median: +med('ms').toFixed(0), runs: runs.map((r) => +r.ms.toFixed(0)) },
  longest_task_ms: { median: +med('longest').toFixed(0), worst: Math.max(...runs.map((r) => r.longest)) },
  js_heap_mib: +(med('heap') / 1048576).toFixed(1),
  wasm_memory_mib: +(med('wasm') / 1048576).toFixed(1),
};
fs.writeFileSync(path.join(ensureOut(), 'measure-desk.json'), JSON.stringify(report, null, 2));
console.log(`${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB`);
console.log(`load + check + rank: median ${report.load_check_rank_ms.median} ms (runs ${report.load_check_rank_ms.runs.join(', ')}; budget 1000 ms)`);
console.log(`longest main-thread task: median ${report.longest_task_ms.median} ms, worst ${report.longest_task_ms.worst.toFixed(0)} ms (budget 200 ms)`);
console.log(`(before the change event — the browser taking in the files — longest task ${med('startup').toFixed(0)} ms)`);
console.log(`after loading: JS heap ${report.js_heap_mib} MiB, wasm memory ${report.wasm_memory_mib} MiB`);
