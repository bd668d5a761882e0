import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const RUNTIME = fileURLToPath(new URL('./lib0-short-strings.ts', import.meta.url));

interface Patch {
  /** lib0's module, as Yjs imports it. */
  readonly module: string;
  /** How that module's path ends, in whichever copy of lib0. */
  readonly file: string;
  /** What the patch is for, named when lib0 no longer has the text it replaces. */
  readonly purpose: string;
  /** Each text of lib0's replaced whole, and what replaces it. */
  readonly edits: readonly (readonly [text: string, replacement: string])[];
  /** The function of `lib0-short-strings.ts` a replacement calls, imported on lib0's first line. */
  readonly runtime?: 'shortAsciiReader' | 'shortAsciiWriter';
}

/** lib0/dom's DOM node schemas: unused by Tally, kept only because nothing says making them has no effect. */
const DOM_SCHEMAS = ['$fragment', '$element', '$text', '$node'];

const PATCHES: readonly Patch[] = [
  {
    module: 'lib0/decoding',
    file: '/lib0/decoding.js',
    purpose: 'read short ASCII strings in JavaScript',
    edits: [
      [
        'export const readVarString = string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill',
        'export const readVarString = shortAsciiReader(string.utf8TextDecoder ? _readVarStringNative : _readVarStringPolyfill, readVarUint)',
      ],
    ],
    runtime: 'shortAsciiReader',
  },
  {
    module: 'lib0/encoding',
    file: '/lib0/encoding.js',
    purpose: 'write short ASCII strings in JavaScript',
    edits: [
      [
        'export const writeVarString = (string.utf8TextEncoder && /** @type {any} */ (string.utf8TextEncoder).encodeInto) ? _writeVarStringNative : _writeVarStringPolyfill',
        'export const writeVarString = shortAsciiWriter((string.utf8TextEncoder && string.utf8TextEncoder.encodeInto) ? _writeVarStringNative : _writeVarStringPolyfill, writeVarUint, write)',
      ],
    ],
    runtime: 'shortAsciiWriter',
  },
  {
    // Yjs's logging imports lib0/dom, whose four schemas, made when the module loads, kept all of
    // lib0/schema in the app shell (7 kB minified). Marked pure, they and lib0/schema drop out.
    module: 'lib0/dom',
    file: '/lib0/dom.js',
    purpose: 'leave its unused schemas, and lib0/schema, out of the app shell',
    edits: DOM_SCHEMAS.map((name) => [
      `export const ${name} = $.$custom(`,
      `export const ${name} = /*#__PURE__*/ $.$custom(`,
    ]),
  },
];

/**
 * lib0's source as Tally builds it (see `PATCHES`), or undefined for a module with no patch.
 * Throws when a text the patch replaces is not there, so a newer lib0 fails the build rather than
 * quietly losing what the patch is for.
 */
export function patchLib0(id: string, code: string): string | undefined {
  const patch = patchOf(id);
  if (!patch) return undefined;
  let patched = code;
  for (const [text, replacement] of patch.edits) {
    if (!patched.includes(text)) {
      throw new Error(
        `${id} no longer has the text app/build/lib0-patches-plugin.ts replaces to ${patch.purpose}; compare the new lib0 with the patch`,
      );
    }
    patched = patched.replace(text, replacement);
  }
  // On lib0's first line, so every line of the module keeps its number for the source map.
  return patch.runtime ? `import { ${patch.runtime} } from ${JSON.stringify(RUNTIME)}; ${patched}` : patched;
}

/** The patch of the module `id` names; none for a virtual module (`\0…`). */
function patchOf(id: string): Patch | undefined {
  if (id.startsWith('\0')) return undefined;
  const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
  return PATCHES.find((candidate) => path.endsWith(candidate.file));
}

/**
 * Patches lib0 in the built app and its workers: short ASCII strings read and written in
 * JavaScript (`lib0-short-strings.ts`), and lib0/dom's unused schemas left out.
 */
export function lib0Patches(): Plugin {
  return {
    name: 'tally:lib0-patches',
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
