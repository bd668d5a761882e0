import * as Y from 'yjs';
import { scratchOutcome } from './scratch-outcome.js';
import type { NewStruct, UpdateContent } from './update-content.js';
import type { Places } from './update-places.js';
import type { UpdateRefused } from './update-verdict.js';
import { inRanges } from './update-writer.js';

/** One key of a top-level map that the update sets or deletes, with its value before and after. */
export interface KeyChange {
  readonly root: string;
  readonly key: string;
  readonly before: { readonly value: unknown } | undefined;
  /** `written`: the value is one this update writes, not the one the key held. */
  readonly after: { readonly value: unknown; readonly written: boolean } | undefined;
}

interface Touched {
  readonly root: string;
  readonly key: string;
  readonly added: NewStruct[];
}

/** A map key's value is the last value of its last item (a Y.Map reads it that way). */
export function mapValueOf(item: Y.Item): unknown {
  const values = item.content.getContent();
  return values[values.length - 1];
}

function idText(client: number, clock: number): string {
  return `${client}:${clock}`;
}

/** Whether a new item is set right after the key's current item (or is its first), so that it becomes the key's item. */
function followsCurrent(added: NewStruct, current: Y.Item | undefined): boolean {
  const item = added.struct as Y.Item;
  if (item.rightOrigin !== null) return false;
  const left = current?.lastId;
  if (added.start > item.id.clock) return left?.client === item.id.client && left.clock === added.start - 1;
  const { origin } = item;
  return origin === null ? left === undefined : origin.client === left?.client && origin.clock === left.clock;
}

/**
 * The last of the new items of a key when they follow each other from the key's current item
 * on — each set right after the one before, as a writer setting its own key does — so that
 * the last is the key's item afterwards. Undefined when Yjs must order them (concurrent sets).
 */
function lastOfRun(added: readonly NewStruct[], current: Y.Item | undefined): NewStruct | undefined {
  const [only] = added;
  if (added.length === 1 && only) return followsCurrent(only, current) ? only : undefined;
  const following = new Map<string, NewStruct>();
  for (const struct of added) {
    const item = struct.struct as Y.Item;
    if (item.rightOrigin !== null) return undefined;
    const origin =
      struct.start > item.id.clock
        ? idText(item.id.client, struct.start - 1)
        : item.origin
          ? idText(item.origin.client, item.origin.clock)
          : '';
    if (following.has(origin)) return undefined;
    following.set(origin, struct);
  }
  let at = current ? idText(current.lastId.client, current.lastId.clock) : '';
  let last: NewStruct | undefined;
  let count = 0;
  for (let next = following.get(at); next && count < added.length; next = following.get(at)) {
    last = next;
    count += 1;
    at = idText(next.struct.id.client, next.end - 1);
  }
  return count === added.length ? last : undefined;
}

/**
 * Every key of a known top-level map whose value the update may change — keys it sets, and
 * keys whose current item its deletions cover — with the value before and after, as Yjs would
 * leave it (SPEC GRD2). Reads the document; never changes it.
 */
export function keyChanges(
  doc: Y.Doc,
  content: UpdateContent,
  places: Places,
  isKnownRoot: (root: string) => boolean,
): KeyChange[] | UpdateRefused {
  const touched = new Map<string, Map<string, Touched>>();
  const touch = (root: string, key: string): Touched => {
    let keys = touched.get(root);
    if (!keys) {
      keys = new Map();
      touched.set(root, keys);
    }
    let entry = keys.get(key);
    if (!entry) {
      entry = { root, key, added: [] };
      keys.set(key, entry);
    }
    return entry;
  };
  for (const added of content.added) {
    const place = places.of(added);
    if (place.kind === 'entry') touch(place.root, place.key).added.push(added);
  }
  for (const [client, ranges] of content.deleted) {
    const structs = doc.store.clients.get(client) ?? [];
    const state = Y.getState(doc.store, client);
    for (const { clock, end } of ranges) {
      if (clock >= state) continue;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index += 1) {
        const struct = structs[index] as Y.Item | Y.GC;
        if (struct.id.clock >= end) break;
        if (struct.deleted) continue;
        const place = places.ofStored(struct);
        // Deleting what Tally never reads (garbage a peer left before the guard) loses nothing.
        if (place.kind === 'entry' && isKnownRoot(place.root)) touch(place.root, place.key);
      }
    }
  }

  const deleted = (id: Y.ID): boolean => inRanges(content.deleted.get(id.client), id.clock);
  const changes: KeyChange[] = [];
  const ordered: Touched[] = [];
  for (const keys of touched.values())
    for (const entry of keys.values()) {
      const current = doc.share.get(entry.root)?._map.get(entry.key);
      const before = current && !current.deleted ? { value: mapValueOf(current) } : undefined;
      if (entry.added.length === 0) {
        const kept = before && current && !deleted(current.lastId);
        changes.push({
          root: entry.root,
          key: entry.key,
          before,
          after: kept ? { ...before, written: false } : undefined,
        });
        continue;
      }
      const last = lastOfRun(entry.added, current);
      if (!last) {
        ordered.push(entry);
        continue;
      }
      const item = last.struct as Y.Item;
      const visible = item.content instanceof Y.ContentAny && !deleted(Y.createID(item.id.client, last.end - 1));
      changes.push({
        root: entry.root,
        key: entry.key,
        before,
        after: visible ? { value: mapValueOf(item), written: true } : undefined,
      });
    }
  if (ordered.length === 0) return changes;

  const outcome = scratchOutcome(doc, content, ordered);
  if (!(outcome instanceof Map)) return outcome;
  for (const entry of ordered) {
    const current = doc.share.get(entry.root)?._map.get(entry.key);
    const before = current && !current.deleted ? { value: mapValueOf(current) } : undefined;
    const item = outcome.get(entry);
    const unchanged =
      item && current && item.lastId.client === current.lastId.client && item.lastId.clock === current.lastId.clock;
    changes.push({
      root: entry.root,
      key: entry.key,
      before,
      after: item && !item.deleted ? { value: mapValueOf(item), written: !unchanged } : undefined,
    });
  }
  return changes;
}
