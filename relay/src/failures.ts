import type { LogFields, RelayLogger } from './relay-logger.js';

/** What the relay was doing when something failed: the label of `tally_relay_failures_total`. */
export const failureKinds = [
  'load',
  'store',
  'compact',
  'close',
  'message',
  'device-activity',
  'request',
  'socket',
  'revocation-check',
  'version',
  'restore-request',
  'mail',
  'push',
  'reminders',
  'events',
  'bookings',
  'bus',
  'repair',
  'payments',
  'blobs',
  'quota',
] as const;

export type FailureKind = (typeof failureKinds)[number];

const messages: Record<FailureKind, string> = {
  load: 'a document could not be loaded; its devices were told it is unavailable',
  store: 'accepted updates could not be stored; the document’s devices were told it is unavailable',
  compact: 'a document’s update log could not be compacted; its devices were told it is unavailable',
  close: 'a document could not be compacted as it was unloaded; its update log is kept',
  message: 'a sync message could not be handled; its socket was closed',
  'device-activity': 'a device’s last sync could not be recorded',
  request: 'request failed',
  socket: 'a sync socket failed',
  'revocation-check':
    'revocations by other processes could not be read; open sockets of devices they revoked stay open until it works',
  version: 'a version of a ledger could not be kept or thinned; syncing goes on',
  'restore-request': 'restores asked for by the admin CLI could not be read or carried out',
  mail: 'the mail outbox could not be read or updated; its mails wait until it works',
  push: 'the push queue could not be read or updated; its pushes wait until it works',
  reminders: 'bill reminders could not be looked for; the next look tries again',
  events: 'live events could not be stored, read or sent; devices get what was stored when they reconnect',
  bookings: 'bookings could not be swept, or a listener of their changes failed; the next sweep tries again',
  bus: 'Redis (REDIS_URL) could not be reached or answered wrongly; updates from other relays arrive through the database once it is back',
  repair: 'a document could not read what other relays stored; it tries again with the next gap',
  payments:
    'a refund could not be asked of the payment provider (the payment stays paid), or a payment notice could not be queued',
  blobs: 'files could not be swept or their references recorded; the next sweep recounts them',
  quota:
    'an account’s stored bytes could not be summed afresh; its quota counts on from the last sum, and sums again in 30 s',
};

export interface FailureReporting {
  readonly logger: RelayLogger;
  readonly metrics: { countFailure(kind: FailureKind): void };
}

/**
 * Logs a failure the relay caught, with its cause and stack, and counts it by kind for
 * `/metrics`. Call it once per failure, where it is caught; clients only ever hear a short reason.
 */
export function reportFailure(to: FailureReporting, kind: FailureKind, error: unknown, fields: LogFields = {}): void {
  to.metrics.countFailure(kind);
  to.logger.error({ ...fields, kind, err: error }, messages[kind]);
}
