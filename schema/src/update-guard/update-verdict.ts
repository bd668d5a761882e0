import { type CloseCode, closeCodes } from '../relay-protocol/index.js';

/**
 * Why the relay refuses an update (SPEC GRD1–GRD8). Each reason names the rule broken, so a log
 * line or a device's close reason says what was wrong without the update at hand.
 */
export const UPDATE_REFUSAL_REASONS = [
  /** Bytes that are not a Yjs update, or an update Yjs itself could not apply whole (GRD1). */
  'malformed',
  /** Anything but plain values under a collection's or `meta`'s keys, or a top-level name Tally does not have (GRD3). */
  'unknown-type',
  /** A key that is not `<recordId>/<writer>` in a collection, nor `version/<writer>` in `meta` (GRD4). */
  'invalid-key',
  /** A value the schema refuses: an entry of the wrong shape, a field the kind lacks, a bad field value (GRD4, GRD5). */
  'invalid-value',
  /** A format declaration beyond the versions this schema knows (GRD7). */
  'format-too-new',
  /** A record present before would have no entry left (GRD6, REC5). */
  'removes-record',
  /** Every record of a collection would go (GRD6, REC5). */
  'removes-collection',
  /** A field's latest write would go without being held elsewhere in its record (GRD6). */
  'loses-write',
  /** The document's format would go back to an older version, or to none (GRD7). */
  'lowers-format',
] as const;

export type UpdateRefusalReason = (typeof UPDATE_REFUSAL_REASONS)[number];

/** The update may be applied. */
export interface UpdateAccepted {
  readonly verdict: 'accepted';
  /**
   * The bytes to apply: the update as received — or, when the document held changes pending,
   * the update merged with them, as they were judged together.
   */
  readonly update: Uint8Array;
}

/** The update breaks a rule: nothing of it may be stored or sent on. */
export interface UpdateRefused {
  readonly verdict: 'refused';
  readonly reason: UpdateRefusalReason;
  /** What was wrong, in English, for the relay's log; any text from the update in it is quoted and shortened. */
  readonly message: string;
  /** The collection (or `meta`) the refused change is in, when there is one. */
  readonly collection?: string;
  readonly recordId?: string;
  /** The record's field by its name (`amount`, `deleted`), when one field is at fault. */
  readonly field?: string;
  /**
   * True when the update would lose something the relay holds (GRD6). A device can send one
   * honestly when its view lagged: it held another device's change pending — its deletions
   * applied, the rest waiting — and wrote as if that change's entries were gone. Such an update
   * passes once the relay holds what the device holds, so the device should try again and send
   * everything it has. False for what no honest device sends.
   */
  readonly retry: boolean;
}

/**
 * The update builds on changes the document does not hold yet (GRD2): it can be judged only
 * together with them. Nothing of it may be applied meanwhile.
 */
export interface UpdateIncomplete {
  readonly verdict: 'incomplete';
  /** For each Yjs client whose changes are missing, the first clock the document lacks. */
  readonly missing: ReadonlyMap<number, number>;
}

export type UpdateVerdict = UpdateAccepted | UpdateRefused | UpdateIncomplete;

export interface RefusalPlace {
  readonly collection?: string;
  readonly recordId?: string;
  readonly field?: string;
}

/** The refusals an honest device whose view lagged can meet (GRD6): it may pass once the relay holds more. */
const RETRY_REASONS: ReadonlySet<UpdateRefusalReason> = new Set([
  'removes-record',
  'removes-collection',
  'loses-write',
]);

export function refuse(reason: UpdateRefusalReason, message: string, place: RefusalPlace = {}): UpdateRefused {
  return { verdict: 'refused', reason, message, ...place, retry: RETRY_REASONS.has(reason) };
}

/**
 * The close code of a socket whose update was refused: 1013 (try again later) when the update
 * may pass once the relay holds what the device holds — the device reconnects and sends all it
 * has in one update — and 1008 (policy violation) for what no honest device sends, which the
 * device does not retry.
 */
export function closeCodeOf(refusal: UpdateRefused): CloseCode {
  return refusal.retry ? closeCodes.tryAgainLater : closeCodes.policyViolation;
}

/**
 * The refusal as a WebSocket close reason, e.g. `removes-record transactions/4fGq…` or
 * `invalid-value transactions/4fGq….amount`. A place holds only names the schema knows (a
 * collection, a record id, a field), never text from the update, so it is ASCII and well within
 * the 123 bytes a close reason may hold.
 */
export function closeReasonOf(refusal: UpdateRefused): string {
  let place = refusal.collection ?? '';
  if (refusal.recordId !== undefined) place += `/${refusal.recordId}`;
  if (refusal.field !== undefined) place += `.${refusal.field}`;
  return place === '' ? refusal.reason : `${refusal.reason} ${place}`;
}

/**
 * The refusal a socket was closed for, read back from its close reason (`closeReasonOf`), or
 * undefined when the socket closed for anything else: how a device tells that the relay refused
 * what it sent.
 */
export function refusalInCloseReason(reason: string): UpdateRefusalReason | undefined {
  const first = reason.split(' ', 1)[0];
  return UPDATE_REFUSAL_REASONS.find((known) => known === first);
}

/** Text from an update, quoted and shortened, so that a log line stays one short line whatever a peer sent. */
export function quoted(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}
