import * as Y from 'yjs';
import { refuse, type UpdateIncomplete, type UpdateRefused } from './update-verdict.js';
import { type ClockRange, joinRanges } from './update-writer.js';

type Store = Y.Doc['store'];

/** A struct of the update that the document lacks, from `start` on (Yjs skips the clocks it holds). */
export interface NewStruct {
  readonly struct: Y.Item | Y.GC;
  /** The first clock of it the document lacks. */
  readonly start: number;
  /** The clock after its last. */
  readonly end: number;
}

/** What an update adds to and deletes from a document that holds everything it builds on. */
export interface UpdateContent {
  /** The new structs in the order Yjs integrates them: each after every struct it builds on. */
  readonly added: readonly NewStruct[];
  /** The new structs of each client, in clock order. */
  readonly addedBy: ReadonlyMap<number, readonly NewStruct[]>;
  /** The ranges each client's deletions cover, joined, in clock order. */
  readonly deleted: ReadonlyMap<number, readonly ClockRange[]>;
  /** The bytes read: what the relay applies if the update is accepted. */
  readonly update: Uint8Array;
}

/** The index of a client's new struct that holds a clock, by binary search; -1 when none does. */
function indexAt(structs: readonly NewStruct[], clock: number): number {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const added = structs[middle] as NewStruct;
    if (clock < added.start) high = middle - 1;
    else if (clock >= added.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The new struct of the update that holds an ID, if any. */
export function addedAt(content: Pick<UpdateContent, 'addedBy'>, id: Y.ID): NewStruct | undefined {
  const structs = content.addedBy.get(id.client);
  return structs?.[indexAt(structs, id.clock)];
}

/** What an item needs from other clients before Yjs can integrate it (neighbours, parent): Yjs waits for those. */
function othersNeeded(struct: Y.Item | Y.GC): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const { client } = struct.id;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  return [struct.origin, struct.rightOrigin, parent].filter((id): id is Y.ID => id !== null && id.client !== client);
}

/** The number of client blocks an update announces: the variable-length unsigned integer it starts with. */
function announcedBlocks(update: Uint8Array): number {
  let blocks = 0;
  for (let index = 0; index < update.length && index < 8; index += 1) {
    const byte = update[index] as number;
    blocks += (byte & 0x7f) * 2 ** (7 * index);
    if (byte < 0x80) return blocks;
  }
  return Number.NaN;
}

/**
 * Reads an update against the document it is for (SPEC GRD1, GRD2): what it adds, in the order
 * Yjs integrates it, and what it deletes.
 *
 * Yjs applies an update with a reader of its own, which reads a few malformed shapes
 * differently from `Y.decodeUpdate` — a client's changes in two blocks (the last one wins), an
 * empty block (it drops the client's changes), changes or deletions of no length — so those are
 * refused: what is judged here is exactly what Yjs applies.
 *
 * An update that builds on changes the document lacks — a gap in a client's clocks, an item
 * whose neighbour or parent is missing, a deletion of clocks nobody has sent — is incomplete:
 * judged alone, its deletions would apply while the changes that justify them wait, which is
 * how a ledger gets wiped. Changes that wait on each other in a circle are malformed.
 */
export function readUpdateContent(store: Store, update: Uint8Array): UpdateContent | UpdateRefused | UpdateIncomplete {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('malformed', 'the bytes are not a Yjs update');
  }
  const addedBy = new Map<number, NewStruct[]>();
  /** Per client, the first clock the document would lack once what was read so far is applied. */
  const next = new Map<number, number>();
  const stateAfter = (client: number): number => next.get(client) ?? Y.getState(store, client);
  const missing = new Map<number, number>();
  const miss = (client: number): void => {
    if (!missing.has(client)) missing.set(client, stateAfter(client));
  };

  let blocks = 0;
  let client: number | undefined;
  /** Structs the document holds already: Yjs skips them, but only after finding what they name. */
  const held: (Y.Item | Y.GC)[] = [];
  for (const struct of decoded.structs) {
    const { clock } = struct.id;
    if (struct.id.client !== client) {
      client = struct.id.client;
      if (next.has(client)) return refuse('malformed', "the update lists a client's changes in two blocks");
      next.set(client, Y.getState(store, client));
      blocks += 1;
    }
    if (struct.length === 0) return refuse('malformed', 'the update holds a change of no length');
    const end = clock + struct.length;
    const first = stateAfter(client);
    if (struct instanceof Y.Skip || missing.has(client)) continue;
    if (end <= first) {
      held.push(struct);
      continue;
    }
    if (clock > first) {
      miss(client);
      continue;
    }
    let structs = addedBy.get(client);
    if (!structs) {
      structs = [];
      addedBy.set(client, structs);
    }
    structs.push({ struct, start: first, end });
    next.set(client, end);
  }
  if (blocks !== announcedBlocks(update)) return refuse('malformed', 'the update holds an empty block of changes');

  const deleted = new Map<number, ClockRange[]>();
  for (const [client, items] of decoded.ds.clients) {
    if (items.some(({ len }) => len === 0)) return refuse('malformed', 'the update deletes a range of no length');
    const ranges = joinRanges(items.map(({ clock, len }) => ({ clock, end: clock + len })));
    if ((ranges[ranges.length - 1] as ClockRange).end > stateAfter(client)) miss(client);
    deleted.set(client, ranges);
  }

  // Yjs waits for what any struct names from another client, and looks up what it names from its
  // own client at once: that must be there already (before a new struct, or in the document).
  const readable = (client: number, id: Y.ID | null, ownUntil: number): boolean => {
    if (id === null) return true;
    if (id.client === client) return id.clock < ownUntil;
    if (id.clock >= Y.getState(store, id.client)) {
      const others = addedBy.get(id.client);
      if (!others || indexAt(others, id.clock) < 0) miss(id.client);
    }
    return true;
  };
  const reads = (struct: Y.Item | Y.GC, ownUntil: number): boolean => {
    if (!(struct instanceof Y.Item)) return true;
    const { client } = struct.id;
    return (
      readable(client, struct.origin, ownUntil) &&
      readable(client, struct.rightOrigin, ownUntil) &&
      readable(client, struct.parent instanceof Y.ID ? struct.parent : null, ownUntil)
    );
  };
  let readsWell = true;
  for (const struct of held) readsWell &&= reads(struct, Y.getState(store, struct.id.client));
  for (const structs of addedBy.values()) for (const { struct, start } of structs) readsWell &&= reads(struct, start);
  if (!readsWell) return refuse('malformed', 'a change builds on a later change of its own');
  if (missing.size > 0) return { verdict: 'incomplete', missing };

  const added = integrationOrder(store, addedBy);
  if (!added) return refuse('malformed', 'changes wait on each other in a circle');
  return { added, addedBy, deleted, update };
}

/**
 * The order Yjs integrates the new structs in: each client's in clock order, and a struct that
 * needs another client's change after that change — by the same walk as Yjs's own, a stack of
 * clients each waiting for the one above it. Undefined when clients wait on each other in a circle.
 */
function integrationOrder(
  store: Store,
  addedBy: ReadonlyMap<number, readonly NewStruct[]>,
): readonly NewStruct[] | undefined {
  // One client's structs need nothing new of another's (that would be missing): clock order it is.
  if (addedBy.size === 1) for (const structs of addedBy.values()) return structs;
  const order: NewStruct[] = [];
  const done = new Map<number, number>();
  for (const [first, firstStructs] of addedBy) {
    const waiting: { client: number; until: number }[] = [{ client: first, until: firstStructs.length }];
    const onStack = new Set([first]);
    while (waiting.length > 0) {
      const top = waiting[waiting.length - 1] as { client: number; until: number };
      const structs = addedBy.get(top.client) as readonly NewStruct[];
      const index = done.get(top.client) ?? 0;
      if (index >= top.until) {
        waiting.pop();
        onStack.delete(top.client);
        continue;
      }
      const added = structs[index] as NewStruct;
      let blocker: { client: number; until: number } | undefined;
      for (const id of othersNeeded(added.struct)) {
        if (id.clock < Y.getState(store, id.client)) continue;
        const needed = indexAt(addedBy.get(id.client) as readonly NewStruct[], id.clock);
        if (needed >= (done.get(id.client) ?? 0)) {
          blocker = { client: id.client, until: needed + 1 };
          break;
        }
      }
      if (!blocker) {
        order.push(added);
        done.set(top.client, index + 1);
      } else if (onStack.has(blocker.client)) return undefined;
      else {
        waiting.push(blocker);
        onStack.add(blocker.client);
      }
    }
  }
  return order;
}
