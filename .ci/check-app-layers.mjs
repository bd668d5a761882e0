#!/usr/bin/env node
// Fails when a module of app/src imports against the app's layers (docs/app.md#layers): a folder
// may use only the folders listed for it, only through their index.ts, features may use each
// other only without a cycle, a few packages belong to one folder alone, and every form of a
// feature saves through forms/.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { importsOf, packageOf, resolveImport, root, sourceFiles } from './source-imports.mjs';

const src = join(root, 'app/src');

const BASE = ['storage', 'sync', 'ledger', 'i18n', 'ui', 'forms'];
/** Each folder of app/src, lowest layer first, with the folders it may import. */
const MAY_IMPORT = new Map([
  ['storage', []],
  ['ledger', []],
  ['i18n', []],
  ['ui', ['i18n']],
  ['forms', ['i18n', 'ui']],
  ['sync', ['storage']],
  ['tally', BASE],
  ['features/*', [...BASE, 'tally', 'features/*']],
  ['shell', [...BASE, 'tally', 'features/*']],
]);
/** Packages only one folder may import: the rest of the app goes through that folder. */
const OWNED_PACKAGES = new Map([
  ['dexie', 'storage'],
  ['y-indexeddb', 'sync'],
  ['y-websocket', 'sync'],
  ['y-protocols', 'sync'],
  ['lib0', 'sync'],
]);

/** A module's folder: `storage`, `features/import`; the entry (main.tsx) starts the shell, so it is the shell's. */
function folderOf(file) {
  const parts = relative(src, file).split(sep);
  if (parts.length === 1) return 'shell';
  return parts[0] === 'features' ? `features/${parts[1]}` : parts[0];
}

/** The layer a folder belongs to: `features/*` for every feature. */
function layerOf(folder) {
  return folder.startsWith('features/') ? 'features/*' : folder;
}

function isIndex(file) {
  return /[/\\]index\.tsx?$/.test(file);
}

const problems = [];
const featureEdges = new Map();
const files = sourceFiles(src);
for (const file of files) {
  const from = folderOf(file);
  const allowed = MAY_IMPORT.get(layerOf(from));
  const at = relative(root, file);
  if (!allowed) {
    problems.push(`${at}: app/src/${from} has no place in the layers; give it one in .ci/check-app-layers.mjs`);
    continue;
  }
  for (const { specifier } of importsOf(readFileSync(file, 'utf8'))) {
    if (!specifier.startsWith('.')) {
      const owner = OWNED_PACKAGES.get(packageOf(specifier));
      if (owner && owner !== from) problems.push(`${at}: imports ${specifier}, which only ${owner}/ may use`);
      continue;
    }
    const target = resolveImport(file, specifier);
    if (!target?.startsWith(src + sep)) continue;
    const to = folderOf(target);
    if (to === from) continue;
    const named = relative(root, target);
    if (!allowed.includes(layerOf(to))) {
      problems.push(`${at}: imports ${named}, but ${layerOf(from)} may import only ${allowed.join(', ') || 'itself'}`);
    } else if (!isIndex(target)) {
      problems.push(`${at}: imports ${named}, inside ${to}/; use ${to}/index.ts, its public face`);
    }
    if (from.startsWith('features/') && to.startsWith('features/')) {
      featureEdges.set(from, new Set([...(featureEdges.get(from) ?? []), to]));
    }
  }
}

// Features may use each other, never round in a circle: one would not be understood without the other.
const finished = new Set();
function findCycle(feature, path) {
  if (path.includes(feature)) return [...path.slice(path.indexOf(feature)), feature];
  if (finished.has(feature)) return undefined;
  for (const next of featureEdges.get(feature) ?? []) {
    const cycle = findCycle(next, [...path, feature]);
    if (cycle) return cycle;
  }
  finished.add(feature);
  return undefined;
}
for (const feature of featureEdges.keys()) {
  const cycle = findCycle(feature, []);
  if (cycle) {
    problems.push(`features import each other in a circle: ${cycle.join(' → ')}`);
    break;
  }
}

// Every form saves through forms/ (docs/app.md#forms): a feature's .tsx with an onSubmit calls
// saveForm, saveEdit or sendForm itself, or imports a module of its own feature that does.
const ROUTINE = /\b(saveForm|saveEdit|sendForm)\b/;
/** Forms that save nothing, so need no routine; each with why. */
const SAVES_NOTHING = new Set([
  // A step of the import: it hands the chosen columns to the review, whose batches save through saveForm.
  'app/src/features/import/MappingStep.tsx',
]);
let forms = 0;
for (const file of files) {
  const at = relative(root, file).split(sep).join('/');
  if (!file.endsWith('.tsx') || !folderOf(file).startsWith('features/')) continue;
  const source = readFileSync(file, 'utf8');
  if (!/\bonSubmit=/.test(source)) {
    if (SAVES_NOTHING.has(at)) problems.push(`${at}: has no form any more; take it off SAVES_NOTHING`);
    continue;
  }
  forms += 1;
  const own = importsOf(source)
    .map(({ specifier }) => (specifier.startsWith('.') ? resolveImport(file, specifier) : undefined))
    .filter((target) => target !== undefined && folderOf(target) === folderOf(file));
  const saves = ROUTINE.test(source) || own.some((target) => ROUTINE.test(readFileSync(target, 'utf8')));
  if (saves && SAVES_NOTHING.has(at)) problems.push(`${at}: saves through forms/ now; take it off SAVES_NOTHING`);
  if (!saves && !SAVES_NOTHING.has(at)) {
    problems.push(`${at}: submits a form without saveForm, saveEdit or sendForm (forms/); save through one of them`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(
  `app layers hold: ${files.length} modules import only downwards, through index.ts; ${forms} forms save through forms/`,
);
