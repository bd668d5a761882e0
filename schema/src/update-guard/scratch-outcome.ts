import * as Y from 'yjs';
import type { UpdateContent } from './update-content.js';
import { refuse, type UpdateRefused } from './update-verdict.js';
import { type ClockRange, joinRanges, writeUpdate } from './update-writer.js';

export interface EntryKey {
  readonly root: string;
  readonly key: string;
}

/**
 * What Yjs itself makes of some keys when the update arrives — for keys where concurrent
 * writes meet and its ordering of them decides the value. The update is applied to a small
 * scratch document holding only those keys' lists of items (every item ever set under them,
 * deleted ones as tombstones) and, for every other clock of the clients involved, garbage of the
 * same length: Yjs then orders, splits and deletes exactly as in the document, at the cost of
 * those few lists instead of a copy of the ledger. Returns each key's visible item afterwards.
 */
export function scratchOutcome(
  doc: Y.Doc,
  content: UpdateContent,
  keys: readonly EntryKey[],
): Map<EntryKey, Y.Item | undefined> | UpdateRefused {
  const kept = new Map<number, Y.Item[]>();
  const clients = new Set(content.addedBy.keys());
  for (const { root, key } of keys) {
    for (let item = doc.share.get(root)?._map.get(key) ?? null; item; item = item.left) {
      const items = kept.get(item.id.client) ?? [];
      items.push(item);
      kept.set(item.id.client, items);
      clients.add(item.id.client);
    }
  }
  for (const { struct } of content.added) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.origin) clients.add(struct.origin.client);
    if (struct.rightOrigin) clients.add(struct.rightOrigin.client);
  }

  const blocks = new Map<number, (Y.Item | Y.GC)[]>();
  const tombstones = new Map<number, ClockRange[]>();
  for (const client of clients) {
    const state = Y.getState(doc.store, client);
    if (state === 0) continue;
    const structs: (Y.Item | Y.GC)[] = [];
    let clock = 0;
    for (const item of (kept.get(client) ?? []).sort((a, b) => a.id.clock - b.id.clock)) {
      if (item.id.clock > clock) structs.push(new Y.GC(Y.createID(client, clock), item.id.clock - clock));
      structs.push(item);
      clock = item.id.clock + item.length;
      if (item.deleted) {
        const ranges = tombstones.get(client) ?? [];
        ranges.push({ clock: item.id.clock, end: clock });
        tombstones.set(client, ranges);
      }
    }
    if (state > clock) structs.push(new Y.GC(Y.createID(client, clock), state - clock));
    blocks.set(client, structs);
  }
  for (const [client, ranges] of tombstones) tombstones.set(client, joinRanges(ranges));

  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, writeUpdate(blocks, tombstones));
    Y.applyUpdate(scratch, content.update);
  } catch {
    return refuse('malformed', 'the update cannot be applied');
  }
  return new Map(keys.map((entry) => [entry, scratch.share.get(entry.root)?._map.get(entry.key)]));
}
