import type * as Y from 'yjs';

/** The document format this code reads and writes (SPEC FMT1–FMT5). */
export const LEDGER_FORMAT = 2;

/** Changes a document from format `from` to `from + 1`, inside one Yjs transaction. */
export interface Migration {
  readonly from: number;
  migrate(doc: Y.Doc): void;
}

/**
 * Format 2 gives transactions their attachments (SPEC ATT3). No format-1 record holds any, so the
 * step changes no record: declaring format 2 is what it does, and it makes a Tally that cannot show
 * receipts open the ledger read-only (FMT2) instead of showing and backing up transactions without them.
 */
const attachmentsArrive: Migration = { from: 1, migrate: () => {} };

/** Tally's migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [attachmentsArrive];

const VERSION_PREFIX = 'version/';

/** The format one `meta` entry declares, or undefined when the entry is not a declaration (FMT1). */
export function declaredFormat(key: string, value: unknown): number | undefined {
  return key.startsWith(VERSION_PREFIX) && typeof value === 'number' && Number.isSafeInteger(value) && value >= 1
    ? value
    : undefined;
}

/**
 * The format of a document is the largest version any writer has declared in `meta`. Each
 * writer declares under its own key (`version/<node>`), so two devices declaring at once can
 * never replace a newer version with an older one, as one shared key could.
 */
export function readFormat(meta: Y.Map<unknown>): number | undefined {
  let format: number | undefined;
  for (const [key, value] of meta) {
    const declared = declaredFormat(key, value);
    if (declared !== undefined) format = format === undefined ? declared : Math.max(format, declared);
  }
  return format;
}

/** Declares this writer's format and drops declarations it supersedes, so `meta` stays small. */
export function declareFormat(meta: Y.Map<unknown>, node: string, format: number): void {
  for (const [key, value] of meta) {
    if (
      key.startsWith(VERSION_PREFIX) &&
      key !== VERSION_PREFIX + node &&
      (typeof value !== 'number' || value <= format)
    ) {
      meta.delete(key);
    }
  }
  if (meta.get(VERSION_PREFIX + node) !== format) meta.set(VERSION_PREFIX + node, format);
}

/**
 * Brings an older document up to `target`, one migration at a time. Returns the format the
 * document is in afterwards; a missing migration stops the climb where it is.
 */
export function upgradeFormat(
  doc: Y.Doc,
  meta: Y.Map<unknown>,
  node: string,
  migrations: readonly Migration[],
  target: number,
): number {
  let format = readFormat(meta) ?? target;
  while (format < target) {
    const step = migrations.find((migration) => migration.from === format);
    if (!step) break;
    doc.transact(() => {
      step.migrate(doc);
      declareFormat(meta, node, format + 1);
    });
    format += 1;
  }
  return format;
}
