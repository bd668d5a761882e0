import * as Y from 'yjs';
import { keyChanges } from './key-changes.js';
import { checkLedgerChanges, LEDGER_ROOTS } from './ledger-rules.js';
import { type NewStruct, readUpdateContent } from './update-content.js';
import { type Place, Places } from './update-places.js';
import { quoted, refuse, type UpdateRefused, type UpdateVerdict } from './update-verdict.js';

/** What an item may hold in a ledger: a plain value (`ContentAny`), or nothing once deleted. By `getRef()`. */
const CONTENT_ANY = 8;
const CONTENT_DELETED = 1;
const CONTENT_NAMES: Readonly<Record<number, string>> = {
  2: 'JSON of an old Yjs',
  3: 'binary data',
  4: 'text',
  5: 'an embed',
  6: 'formatting',
  7: 'a shared type (Y.Map, Y.Array, Y.Text or XML)',
  9: 'a subdocument',
};

/** GRD3: a new item holds a plain value or nothing, under a key of the ledger's top-level maps. */
function checkAdded({ struct }: NewStruct, place: Place): UpdateRefused | undefined {
  if (!(struct instanceof Y.Item)) return undefined;
  const ref = struct.content.getRef();
  if (ref !== CONTENT_ANY && ref !== CONTENT_DELETED)
    return refuse(
      'unknown-type',
      `the update writes ${CONTENT_NAMES[ref] ?? 'unknown content'}; a ledger holds plain values`,
    );
  switch (place.kind) {
    case 'entry':
      return LEDGER_ROOTS.has(place.root)
        ? undefined
        : refuse('unknown-type', `${quoted(place.root)} is not a collection of the ledger`);
    case 'list':
      return refuse('unknown-type', `the update writes a list into ${quoted(place.root)}; a ledger holds maps`);
    case 'nested':
      return refuse('unknown-type', 'the update writes inside a nested shared type; a ledger holds none');
    case 'torn':
      return refuse('malformed', 'a change continues one the document holds, but somewhere else');
    case 'gone':
      return undefined;
    default: {
      const unknown: never = place;
      return unknown;
    }
  }
}

/** The update merged with what the document holds pending: Yjs integrates them together. */
function withPending(doc: Y.Doc, update: Uint8Array): Uint8Array | UpdateRefused {
  const { pendingStructs, pendingDs } = doc.store;
  const pending = [pendingStructs?.update, pendingDs ?? undefined].filter((part) => part !== undefined);
  if (pending.length === 0) return update;
  try {
    return Y.mergeUpdates([update, ...pending.map((part) => Y.convertUpdateFormatV2ToV1(part))]);
  } catch {
    return refuse('malformed', 'the bytes are not a Yjs update');
  }
}

/**
 * Checks an update a device sent against the ledger document the relay holds, before the relay
 * applies it (SPEC GRD1–GRD8). Reads the document, never changes it.
 *
 * - `accepted`: apply `verdict.update` — the bytes received, or those merged with what the
 *   document held pending, as they were judged together — then store and send on what Yjs
 *   emits, as before.
 * - `refused`: store nothing, send nothing; close the socket with `closeCodeOf(verdict)` (1013
 *   when the device should try again, 1008 when not) and `closeReasonOf(verdict)`, and log the
 *   reason, the message and the place.
 * - `incomplete`: the update builds on changes the document lacks (`verdict.missing`); apply
 *   nothing of it. Hold it and check it again merged with what that socket sends next
 *   (`Y.mergeUpdates`), or close the socket with 1013 (try again later): on reconnecting the
 *   device sends everything the relay lacks in one update.
 *
 * The document must be the whole ledger as stored (not a part of it), and should hold nothing
 * pending: what it does hold pending is judged together with the update. A document loaded from
 * a snapshot stored before the guard may hold pending changes that will never complete, and would
 * make every update wait: drop them when loading (`doc.store.pendingStructs = null`, and
 * `pendingDs`). They were never applied, and a device holding them sends them again, as it sends
 * whatever the relay's state vector lacks.
 */
export function checkLedgerUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  const whole = withPending(doc, update);
  if (!(whole instanceof Uint8Array)) return whole;
  const content = readUpdateContent(doc.store, whole);
  if ('verdict' in content) return content;
  const places = new Places(doc, content);
  for (const added of content.added) {
    const refusal = checkAdded(added, places.of(added));
    if (refusal) return refusal;
  }
  const changes = keyChanges(doc, content, places, (root) => LEDGER_ROOTS.has(root));
  if (!Array.isArray(changes)) return changes;
  return checkLedgerChanges(doc, changes) ?? { verdict: 'accepted', update: content.update };
}
