import { cryptoRandom, newNodeId } from '@tally/schema';

/**
 * Takes the lock `name` if no other tab of this device holds it, and keeps it for as long as this
 * page lives; resolves to whether it was taken.
 */
export type HoldLock = (name: string) => Promise<boolean>;

/** Where this device keeps the writer id of each slot (one slot per tab open at once). */
export interface WriterIds {
  writerId(slot: number): Promise<string | undefined>;
  saveWriterId(slot: number, id: string): Promise<void>;
}

const NODE_ID = /^[0-9a-z]{10}$/;

/**
 * This tab's writer id (SPEC Encoding, LWW6): the first slot no other tab holds, claimed with a
 * lock held until the page goes away, and the id stored for that slot — the same one at every
 * start — or a new one the first time. A second tab open at once takes the next slot, with an id
 * of its own, reused as well. Without locks a writer id could be open twice, so each start is a
 * new writer (`undefined`).
 */
export async function claimWriter(ids: WriterIds, hold: HoldLock | undefined): Promise<string | undefined> {
  if (!hold) return undefined;
  for (let slot = 0; ; slot += 1) {
    if (!(await hold(`tally.writer.${slot}`))) continue;
    const stored = await ids.writerId(slot);
    if (stored !== undefined && NODE_ID.test(stored)) return stored;
    const id = newNodeId(cryptoRandom);
    await ids.saveWriterId(slot, id);
    return id;
  }
}

/** Web Locks, where the browser has them. */
export function browserHoldLock(): HoldLock | undefined {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return undefined;
  return (name) =>
    new Promise<boolean>((resolve, reject) => {
      navigator.locks
        .request(name, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          // Never settles: the lock, and with it the writer id, is this tab's until it closes.
          return lock === null ? undefined : new Promise<never>(() => undefined);
        })
        .catch(reject);
    });
}
