import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RUNTIME = fileURLToPath(new URL('./lib0-short-strings.ts', import.meta.url));

interface Patch {
  /** lib0's module, as Yjs imports it. */
  readonly module: string;
  /** How that module's path ends, in whichever copy of lib0. */
  readonly file: string;
  /** The line choosing lib0's function, replaced whole. */
  readonly line: string;
  readonly replacement: string;
  readonly runtime: 'shortAsciiReader' | 'shortAsciiWriter';
}

const PATCHES: readonly Patch[] = [
  {
    module: 'lib0/decoding',
    file: '/lib0/decoding.js',
    line: 'export const readVarString = string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill',
    replacement:
      'export const readVarString = shortAsciiReader(string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill, readVarUint)',
    runtime: 'shortAsciiReader',
  },
  {
    module: 'lib0/encoding',
    file: '/lib0/encoding.js',
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
  const patch = patchOf(id);
  if (!patch) return undefined;
  if (!code.includes(patch.line)) {
    throw new Error(
      `${id} no longer chooses its string function as app/build/lib0-short-strings-plugin.ts expects; compare the new lib0 with the patch`,
    );
  }
  // On lib0's first line, so every line of the module keeps its number for the source map.
  return `import { ${patch.runtime} } from ${JSON.stringify(RUNTIME)}; ${code.replace(patch.line, patch.replacement)}`;
}

/** The patch of the module `id` names; none for a virtual module (`\0…`). */
function patchOf(id: string): Patch | undefined {
  if (id.startsWith('\0')) return undefined;
  const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
  return PATCHES.find((candidate) => path.endsWith(candidate.file));
}

/** Reads and writes lib0's short ASCII strings in JavaScript in the built app and its workers. */
export function lib0ShortStrings(): Plugin {
  return {
    name: 'tally:lib0-short-strings',
    apply: 'build',
    // Where lib0's modules are found must be where the patch looks, or it would quietly patch nothing.
    async buildStart() {
      for (const patch of PATCHES) {
        const resolved = await this.resolve(patch.module);
        if (!resolved || patchOf(resolved.id) !== patch) {
          this.error(`${patch.module} resolves to ${resolved?.id ?? 'nothing'}, not a file ending in ${patch.file}`);
        }
      }
    },
    transform(code, id) {
      const patched = patchLib0(id, code);
      return patched === undefined ? null : { code: patched, map: null };
    },
  };
}
