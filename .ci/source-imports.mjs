// How Tally's CI checks read a module's imports: which files there are, what each imports, and
// which file a relative import names. Text, not a parser: the sources are formatted by Biome.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Every TypeScript module under `dir`, tests included, declarations left out. */
export function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The module a relative specifier names (`./x.js` is `./x.ts`, a folder is its index), if it is a module. */
export function resolveImport(from, specifier) {
  const named = resolve(dirname(from), specifier);
  // A worker is named by its source file (`./report-worker.ts`), an import by what it compiles to.
  if (/\.tsx?$/.test(named)) return existsSync(named) ? named : undefined;
  const base = named.replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const FORMS = [
  // import … from '…', export … from '…' (type-only ones too: types are a dependency all the same)
  ['static', /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g],
  // import '…' for its side effects (a stylesheet, a polyfill)
  ['static', /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g],
  // import('…'), a module loaded when first needed
  ['dynamic', /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g],
  // new Worker(new URL('…', import.meta.url)), a module started as a worker
  ['worker', /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g],
];

/** What a module's text imports: each specifier, and whether it is `static`, `dynamic` or a `worker`. */
export function importsOf(text) {
  return FORMS.flatMap(([kind, pattern]) =>
    [...text.matchAll(pattern)].map((match) => ({ kind, specifier: match[1] })),
  );
}

/** The npm package a bare specifier names: `dexie`, `@tally/schema`, `lib0` for `lib0/decoding`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
