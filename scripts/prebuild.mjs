// Trunk pre-build hook (see Trunk.toml): builds the full app for Sở Nội vụ
// (Trunk.so-noi-vu.toml) into target/office/so-noi-vu/, which index.html
// then copies into dist/so-noi-vu/. Same profile as the outer build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = (process.env.TRUNK_PROFILE || 'debug') === 'release';
// Only our own flags: the outer build's TRUNK_* variables are not for it.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRUNK_')));
const args = ['build', '--config', 'Trunk.so-noi-vu.toml', '--offline', '--skip-version-check'];
if (release) args.push('--release');
const r = spawnSync('trunk', args, { cwd: root, env, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`prebuild: trunk ${args.join(' ')} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
  process.exit(1);
}
