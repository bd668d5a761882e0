#!/usr/bin/env node
// `npm start` builds the app when app/dist is missing or older than the app's sources (after a
// `git pull`, say), so a self-hosted Tally never serves a stale app.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const built = join(root, 'app/dist/index.html');
const sources = ['app/src', 'app/index.html', 'app/vite.config.ts', 'app/package.json', 'public', 'schema/src'].map(
  (path) => join(root, path),
);

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newest))) {
  console.log('Building the app (app/dist is missing or older than its sources)…');
  execSync('npm run build -w app', { cwd: root, stdio: 'inherit' });
}
