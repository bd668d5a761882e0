/**
 * Why Tally could not start: the browser gives it no storage (IndexedDB missing, refused, or in a
 * mode that allows none), the storage is full, the ledger was written by a newer Tally, or
 * something else went wrong.
 */
export type StartFailureKind = 'unavailable' | 'storage-full' | 'newer-format' | 'failed';

/** The names the browser (or Dexie, which keeps them) gives a storage it cannot open or use. */
const UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'SecurityError',
  'NotAllowedError',
  'UnknownError',
  'VersionError',
]);

/** The error and every error it wraps (Dexie's `inner`, the standard `cause`). */
function* chainOf(error: unknown): Generator<{ name: string; message: string }> {
  let current = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const fields: Record<string, unknown> = { ...current };
    const name = 'name' in current && typeof current.name === 'string' ? current.name : '';
    const message = 'message' in current && typeof current.message === 'string' ? current.message : '';
    yield { name, message };
    current = fields.inner ?? ('cause' in current ? current.cause : undefined);
  }
}

/** What a failed start means for the person, from the error it failed with. */
export function startFailureOf(error: unknown): StartFailureKind {
  const chain = [...chainOf(error)];
  // y-indexeddb wraps the browser's error in a plain Error whose message starts with its name.
  const said = (name: string) => chain.some((link) => link.name === name || link.message.includes(name));
  if (said('QuotaExceededError')) return 'storage-full';
  if ([...UNAVAILABLE].some(said)) return 'unavailable';
  return 'failed';
}
