import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RUNTIME = fileURLToPath(new URL('./lib0-short-strings.ts', import.meta.url));

interface Patch {
  /** lib0's module, as its path ends. */
  readonly module: string;
  /** The line choosing lib0's function, replaced whole. */
  readonly line: string;
  readonly replacement: string;
  readonly runtime: 'shortAsciiReader' | 'shortAsciiWriter';
}

const PATCHES: readonly Patch[] = [
  {
    module: 'lib0/decoding.js',
    line: 'export const readVarString = string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill',
    replacement:
      'export const readVarString = shortAsciiReader(string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill, readVarUint)',
    runtime: 'shortAsciiReader',
  },
  {
    module: 'lib0/encoding.js',
    line: 'export const writeVarString = (string.utf8TextEncoder && /** @type {any} */ (string.utf8TextEncoder).encodeInto) ? _writeVarStringNative : _writeVarStringPolyfill',
    replacement:
      'export const writeVarString = shortAsciiWriter((string.utf8TextEncoder && string.utf8TextEncoder.encodeInto) ? _writeVarStringNative : _writeVarStringPolyfill, writeVarUint, write)',
    runtime: 'shortAsciiWriter',
  },
];

/**
 * lib0's source with its string reader or writer wrapped in `lib0-short-strings.ts`, or undefined
 * for any other module. Throws when lib0's line is not there, so a newer lib0 fails the build
 * rather than quietly losing the faster strings.
 */
export function patchLib0(id: string, code: string): string | undefined {
  const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
  const patch = PATCHES.find((candidate) => path.endsWith(`/node_modules/${candidate.module}`));
  if (!patch) return undefined;
  if (!code.includes(patch.line)) {
    throw new Error(
      `${patch.module} no longer chooses its string function as app/build/lib0-short-strings-plugin.ts expects; compare the new lib0 with the patch`,
    );
  }
  return `import { ${patch.runtime} } from ${JSON.stringify(RUNTIME)};\n${code.replace(patch.line, patch.replacement)}`;
}

/** Reads and writes lib0's short ASCII strings in JavaScript in the built app and its workers. */
export function lib0ShortStrings(): Plugin {
  return {
    name: 'tally:lib0-short-strings',
    apply: 'build',
    transform(code, id) {
      const patched = patchLib0(id, code);
      return patched === undefined ? null : { code: patched, map: null };
    },
  };
}
