// Trunk post-build hook, for both builds: the agency's (Trunk.toml, into
// dist/) and the full one for Sở Nội vụ (Trunk.so-noi-vu.toml, argument
// "office", copied into dist/so-noi-vu/). On every build:
//   - moves Trunk's inline start-up script into a hashed file, so the
//     Content-Security-Policy needs no inline script: script-src 'self'
//     'wasm-unsafe-eval', nothing else;
// and for the agency build:
//   - writes sw.js, the service worker that caches the agency's assets
//     for offline use (a new build is a new cache; the pages under
//     so-noi-vu/ are cached when first used);
//   - on release builds, .gz and .br copies of every asset (both builds),
//     for servers that serve pre-compressed files;
// and for the full build, on release builds:
//   - writes dist-single/cchc-tu-danh-gia.html: the whole app (desk and
//     editor included) in one file with the CSS, JS and wasm inside, that
//     works opened from disk (file://), under a CSP made of hashes of its
//     own inline script and styles.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = process.env.TRUNK_STAGING_DIR || path.join(root, 'dist');
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
const office = process.argv[2] === 'office';
const hash = (s, alg = 'sha256', enc = 'base64') => crypto.createHash(alg).update(s).digest(enc);

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const m = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!m) throw new Error('postbuild: no start-up script found in index.html');
const startJs = m[1].trim() + '\n';
const startName = `start-${hash(startJs, 'sha256', 'hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(stage, startName), startJs);
html = html.replace(m[0], `<script type="module" src="./${startName}" integrity="sha384-${hash(startJs, 'sha384')}"></script>`);
// Release builds only: `trunk serve` (a debug build) injects an inline
// live-reload script that this policy would block.
if (release) {
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
}
fs.writeFileSync(indexPath, html);

if (office) {
  if (release) writeSingleFile();
} else {
  // Every file of both builds, as paths relative to dist/.
  const all = (dir) => fs.readdirSync(path.join(stage, dir)).flatMap((f) => {
    const rel = dir ? `${dir}/${f}` : f;
    return fs.statSync(path.join(stage, rel)).isDirectory() ? all(rel) : [rel];
  }).sort();
  const files = all('').filter((f) => !/\.(gz|br)$/.test(f) && f !== 'sw.template.js');

  // The service worker: the agency's files, cached under a name unique to
  // this build; its version covers the full build's files too.
  const agency = files.filter((f) => !f.includes('/') && f !== 'sw.js');
  const version = hash(files.join('\n') + startJs, 'sha256', 'hex').slice(0, 12);
  const sw = fs.readFileSync(path.join(root, 'static', 'sw.template.js'), 'utf8')
    .replace('__VERSION__', version)
    .replace('__ASSETS__', JSON.stringify(['./', ...agency.map((f) => `./${f}`)]));
  fs.writeFileSync(path.join(stage, 'sw.js'), sw);
  fs.rmSync(path.join(stage, 'sw.template.js'), { force: true });

  if (release) {
    for (const f of [...files, 'sw.js']) {
      if (!/\.(html|js|css|wasm|svg|webmanifest|json)$/.test(f)) continue;
      const buf = fs.readFileSync(path.join(stage, f));
      fs.writeFileSync(path.join(stage, f + '.gz'), zlib.gzipSync(buf, { level: 9 }));
      fs.writeFileSync(path.join(stage, f + '.br'), zlib.brotliCompressSync(buf, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }));
    }
  }
}

function writeSingleFile() {
  const files = fs.readdirSync(stage);
  const jsName = files.find((f) => /^cchc-so-noi-vu-[0-9a-f]+\.js$/.test(f));
  const wasmName = files.find((f) => /^cchc-so-noi-vu-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!jsName || !wasmName) throw new Error('postbuild: wasm-bindgen output not found');
  const js = fs.readFileSync(path.join(stage, jsName), 'utf8');
  if (/<\/script/i.test(js)) throw new Error('postbuild: the JS cannot be inlined');
  const wasm = fs.readFileSync(path.join(stage, wasmName)).toString('base64');
  const script = `${js}
const __cchcWasm = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
const __cchcOut = await __wbg_init({ module_or_path: __cchcWasm });
window.wasmBindings = { initSync };
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __cchcOut } }));
`;
  const styles = html.match(/<link rel="stylesheet" href="\.\/[^"]+"[^>]*\/?>/g) || [];
  let single = html;
  const styleHashes = [];
  for (const tag of styles) {
    const name = /href="\.\/([^"]+)"/.exec(tag)[1];
    const css = fs.readFileSync(path.join(stage, name), 'utf8');
    styleHashes.push(`'sha256-${hash(css)}'`);
    single = single.replace(tag, `<style>${css}</style>`);
  }
  single = single
    .replace(/<script type="module" src="[^"]+"[^>]*><\/script>/, `<script type="module">${script}</script>`)
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
    .replace(/<link rel="manifest"[^>]*>/g, '')
    .replace(/<link rel="icon"[^>]*>/g, '')
    .replace(`content="${CSP}"`, `content="${[
      "default-src 'none'",
      `script-src 'sha256-${hash(script)}' 'wasm-unsafe-eval'`,
      `style-src ${styleHashes.join(' ')}`,
      "img-src data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ')}"`)
    .replace('<html lang="vi">', '<html lang="vi" data-single-file="">');
  const out = path.join(root, 'dist-single');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'cchc-tu-danh-gia.html'), single);
}
