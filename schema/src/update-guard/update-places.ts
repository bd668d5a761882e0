import * as Y from 'yjs';
import { addedAt, type NewStruct, type UpdateContent } from './update-content.js';

type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/**
 * Where a struct lands in the document. Tally keeps data only in `entry` places: a key of a
 * top-level map. Yjs integrates a struct next to a garbage-collected one as garbage (`gone`):
 * it holds nothing. `list` (the list part of a top-level type) and `nested` (inside a shared
 * type held by a value) are where Tally never writes. A `torn` item continues one the document
 * holds in part, but names another place: Yjs would link it into one list and file it under another.
 */
export type Place =
  | { readonly kind: 'entry'; readonly root: string; readonly key: string }
  | { readonly kind: 'list'; readonly root: string }
  | { readonly kind: 'nested' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'torn' };

const GONE: Place = { kind: 'gone' };
const NESTED: Place = { kind: 'nested' };

/** Places of the document's structs and of an update's new ones, each found the way Yjs finds it when integrating. */
export class Places {
  /** By top-level type, its name: made when a stored struct is first placed (a stored neighbour, a deletion, a torn item); a new record needs none. */
  private rootNames: Map<SharedType, string> | undefined;
  private readonly ofAdded = new Map<NewStruct, Place>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly content: UpdateContent,
  ) {
    for (const added of content.added) this.ofAdded.set(added, this.placeOfNew(added));
  }

  /** The place of a new struct of the update (each is placed as the places are made). */
  of(added: NewStruct): Place {
    return this.ofAdded.get(added) as Place;
  }

  /** The place of a struct the document holds. */
  ofStored(struct: Y.Item | Y.GC): Place {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return GONE;
    if (struct.parent._item !== null) return NESTED;
    this.rootNames ??= new Map([...this.doc.share].map(([name, type]) => [type, name]));
    const root = this.rootNames.get(struct.parent) ?? '';
    return struct.parentSub === null ? { kind: 'list', root } : { kind: 'entry', root, key: struct.parentSub };
  }

  /** The struct the document holds at an ID; the ID must be below the document's state for its client. */
  private stored(id: Y.ID): Y.Item | Y.GC {
    const structs = this.doc.store.clients.get(id.client) ?? [];
    return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
  }

  /** The place of whatever holds an ID once the update's earlier structs are integrated. */
  private at(id: Y.ID): Place {
    const added = id.clock >= Y.getState(this.doc.store, id.client) ? addedAt(this.content, id) : undefined;
    return added ? this.of(added) : this.ofStored(this.stored(id));
  }

  /**
   * Mirrors `Item.getMissing` and `integrate`: an item next to garbage is garbage; an item
   * with neighbours takes its neighbour's parent and key; otherwise it names its parent. An
   * item that continues one the document holds in part must land where that part is.
   */
  private placeOfNew(added: NewStruct): Place {
    const { struct } = added;
    if (!(struct instanceof Y.Item)) return GONE;
    const left = struct.origin ? this.at(struct.origin) : undefined;
    const right = struct.rightOrigin ? this.at(struct.rightOrigin) : undefined;
    if (left?.kind === 'gone' || right?.kind === 'gone') return GONE;
    const parent: unknown = struct.parent;
    let place: Place;
    if (typeof parent === 'string') {
      place =
        struct.parentSub === null
          ? { kind: 'list', root: parent }
          : { kind: 'entry', root: parent, key: struct.parentSub };
    } else if (parent instanceof Y.ID) place = NESTED;
    else place = left ?? right ?? GONE;
    if (added.start > struct.id.clock) {
      const known = this.ofStored(this.stored(Y.createID(struct.id.client, added.start - 1)));
      if (!samePlace(known, place)) return { kind: 'torn' };
    }
    return place;
  }
}

function samePlace(a: Place, b: Place): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'entry' && b.kind === 'entry') return a.root === b.root && a.key === b.key;
  if (a.kind === 'list' && b.kind === 'list') return a.root === b.root;
  return true;
}
