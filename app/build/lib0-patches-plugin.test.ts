import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { lib0Patches, patchLib0 } from './lib0-patches-plugin.js';

const require = createRequire(import.meta.url);
const lib0File = (name: string): string => require.resolve(`lib0/${name}`).replace(/dist\/(\w+)\.cjs$/, '$1.js');

/** The minified bundle of `source`, an entry module, built with or without the patches. */
async function bundle(source: string, patched: boolean): Promise<string> {
  const entry = '\0entry.js';
  const build = await rolldown({
    input: entry,
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) => (id === entry ? source : null),
      },
      ...(patched ? [lib0Patches()] : []),
    ],
  });
  const { output } = await build.generate({ format: 'es', minify: true });
  await build.close();
  return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
}

describe('the build’s patches of lib0', () => {
  it('wraps the installed lib0’s string reader and writer, and leaves other modules alone', () => {
    for (const [name, runtime] of [
      ['decoding', 'shortAsciiReader'],
      ['encoding', 'shortAsciiWriter'],
    ] as const) {
      const file = lib0File(name);
      const patched = patchLib0(file, readFileSync(file, 'utf8'));
      expect(patched).toMatch(new RegExp(`^import \\{ ${runtime} \\} from ".*lib0-short-strings\\.ts";`));
      expect(patched).toMatch(new RegExp(`export const \\w+VarString = ${runtime}\\(`));
    }
    const other = lib0File('string');
    expect(patchLib0(other, readFileSync(other, 'utf8'))).toBeUndefined();
  });

  it('leaves lib0/schema out of a bundle that logs as Yjs does, which without the patch carries it', async () => {
    // Yjs imports lib0/logging, which imports lib0/dom; lib0/schema names its schemas' symbol "0schema".
    const source = "import * as logging from 'lib0/logging'; logging.warn('a warning');";
    await expect(bundle(source, false)).resolves.toContain('0schema');
    const patched = await bundle(source, true);
    expect(patched).not.toContain('0schema');
    expect(patched).toContain('a warning');
  });

  it('fails the build when lib0 no longer has a text it replaces, naming what the patch was for', () => {
    expect(() => patchLib0('/x/node_modules/lib0/decoding.js', 'export const readVarString = somethingElse')).toThrow(
      /lib0\/decoding\.js no longer has the text .* replaces to read short ASCII strings/,
    );
    const dom = readFileSync(lib0File('dom'), 'utf8').replace(
      'export const $text = $.$custom(',
      'export const $text = make(',
    );
    expect(() => patchLib0('/x/node_modules/lib0/dom.js', dom)).toThrow(/lib0\/dom\.js .* unused schemas/);
  });
});
