import * as Y from 'yjs';
import { Ledger, type LedgerOptions } from './ledger.js';

/** What restoring a version writes: one update for every replica, or null when nothing differs. */
export interface VersionRestore {
  readonly update: Uint8Array | null;
  /** Records whose fields were written back. */
  readonly records: number;
  /** Fields left at a later write from a device whose clock runs ahead (LWW7). */
  readonly overruled: number;
}

/**
 * The update that restores `version` — the whole state of the ledger at an earlier point, as
 * `Y.encodeStateAsUpdate` gave it — on top of `current` (SPEC VER1–VER3). `current` is not
 * changed: the update is worked out on a copy, written by a writer of its own (`options.node`),
 * and is meant to be applied to `current` and sent to every replica.
 */
export function versionRestoreUpdate(current: Y.Doc, version: Uint8Array, options: LedgerOptions = {}): VersionRestore {
  const past = new Y.Doc();
  const work = new Y.Doc();
  const updates: Uint8Array[] = [];
  try {
    Y.applyUpdate(past, version);
    Y.applyUpdate(work, Y.encodeStateAsUpdate(current));
    work.on('update', (update: Uint8Array) => updates.push(update));
    const { records, overruled } = new Ledger(work, options).revertTo(new Ledger(past));
    return { update: updates.length === 0 ? null : Y.mergeUpdates(updates), records, overruled };
  } finally {
    past.destroy();
    work.destroy();
  }
}
