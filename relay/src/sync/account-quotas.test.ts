import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FailureKind } from '../failures.js';
import { createRelayLogger } from '../relay-logger.js';
import { accountStoredBytes } from '../storage/account-bytes.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { AccountQuotas } from './account-quotas.js';

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash',
  docId: 'ledger-alice',
  createdAt: 1,
};
const bob = {
  id: 'user-bob',
  email: 'bob@example.com',
  passwordHash: 'hash',
  docId: 'ledger-bob',
  createdAt: 1,
};
const LIMIT = 1_000_000;

let dir: string;
let storage: SqliteStorage;
let now: number;
let sums: number;
/** Sums that have read everything they read. */
let summed: number;
/** Held open while a test keeps the account's sum from finishing. */
let gate: Promise<void>;
let failures: FailureKind[];

/** The relay's SQLite storage, its sums counted and, while `gate` is held, kept from finishing. */
function watched(): Pick<RelayStorage, 'accounts' | 'documents'> {
  const documents = new Proxy(storage.documents, {
    get(target, property, receiver) {
      if (property === 'storedBytes')
        return async (docIds: readonly string[]) => {
          sums++;
          await gate;
          const bytes = await target.storedBytes(docIds);
          summed++;
          return bytes;
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { accounts: storage.accounts, documents };
}

/** A gate that makes every sum fail, as a database gone away would. */
function failing(): Promise<void> {
  const failed = Promise.reject(new Error('the database went away'));
  failed.catch(() => undefined);
  return failed;
}

function quotas(): AccountQuotas {
  return new AccountQuotas(
    watched(),
    LIMIT,
    { logger: createRelayLogger({ level: 'silent' }), metrics: { countFailure: (kind) => failures.push(kind) } },
    () => now,
  );
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tally-quotas-'));
  storage = new SqliteStorage(join(dir, 'tally.db'));
  await storage.accounts.createUser(alice);
  await storage.documents.appendUpdate(alice.docId, new Uint8Array(40_000));
  now = 1_000_000;
  sums = 0;
  summed = 0;
  gate = Promise.resolve();
  failures = [];
});

afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

it('[B4] updates arriving together before an account is first summed wait for one sum, not one each', async () => {
  const accounted = quotas();
  const answers = await Promise.all(Array.from({ length: 20 }, () => accounted.reserve(alice.docId, 100)));
  expect(answers.every(Boolean)).toBe(true);
  expect(sums).toBe(1);
});

it('[B4] a sum counts every ledger the account owns, and its versions, in one read of their bytes', async () => {
  await storage.accounts.createLedger({ docId: 'ledger-alice-2', name: 'Holidays', ownerId: alice.id, createdAt: 2 });
  await storage.documents.appendUpdate('ledger-alice-2', new Uint8Array(30_000));
  await storage.documents.saveVersion('ledger-alice-2', new Uint8Array(20_000), 3);
  const accounted = quotas();
  // 40,000 + 30,000 + 20,000 bytes stored: exactly what is left fits, one byte more does not.
  expect(await accounted.reserve('ledger-alice-2', LIMIT - 90_000 + 1)).toBe(false);
  expect(await accounted.reserve(alice.docId, LIMIT - 90_000)).toBe(true);
  expect(sums).toBe(1);
});

it('[B4] a ledger handed to another owner counts against the new owner within 30 s', async () => {
  await storage.accounts.createUser(bob);
  await storage.documents.appendUpdate(bob.docId, new Uint8Array(900_000));
  const holidays = 'ledger-holidays';
  await storage.accounts.createLedger({ docId: holidays, name: 'Holidays', ownerId: alice.id, createdAt: 2 });
  await storage.documents.appendUpdate(holidays, new Uint8Array(10_000));
  const accounted = quotas();
  expect(await accounted.reserve(holidays, 100)).toBe(true);
  await storage.accounts.addMember(holidays, bob.id, 'editor', 3);
  expect(await storage.accounts.setMemberRole(holidays, bob.id, 'owner', 4)).toBe('changed');
  expect(await storage.accounts.setMemberRole(holidays, alice.id, 'editor', 5)).toBe('changed');
  now += 30_000;
  // Alice would have room for it; Bob, with 900,000 bytes of his own and 10,000 of this ledger, has not.
  expect(await accounted.reserve(holidays, 100_000)).toBe(false);
  expect(await accounted.reserve(holidays, LIMIT - 910_000)).toBe(true);
});

it('[B4] 30 s on, updates go on against the count held while one sum runs beside them, and count on top of it', async () => {
  const accounted = quotas();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  now += 30_000;
  let open = (): void => undefined;
  gate = new Promise((resolve) => {
    open = resolve;
  });
  // Answered with the sum still held: were they waiting for it, this would never resolve.
  expect(await Promise.all([accounted.reserve(alice.docId, 200), accounted.reserve(alice.docId, 200)])).toEqual([
    true,
    true,
  ]);
  expect(sums).toBe(2);
  await storage.documents.appendUpdate(alice.docId, new Uint8Array(5_000));
  open();
  const stored = await accountStoredBytes(storage, alice.id);
  await expect.poll(() => summed).toBe(2);
  await new Promise(setImmediate);
  // The new sum, and the 400 bytes reserved while it ran, leave exactly this much.
  expect(await accounted.reserve(alice.docId, LIMIT - stored - 400 + 1)).toBe(false);
  expect(await accounted.reserve(alice.docId, LIMIT - stored - 400)).toBe(true);
  expect(await accounted.reserve(alice.docId, 1)).toBe(false);
});

it('[B4] a first sum that fails refuses the updates waiting for it, and the next update sums again', async () => {
  const accounted = quotas();
  gate = failing();
  const waiting = [accounted.reserve(alice.docId, 100), accounted.reserve(alice.docId, 100)];
  for (const answer of waiting) await expect(answer).rejects.toThrow('the database went away');
  gate = Promise.resolve();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  expect(sums).toBe(2);
});

it('[B4] a sum that never ends does not keep the account from being summed again 30 s later', async () => {
  const accounted = quotas();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  now += 30_000;
  gate = new Promise(() => undefined);
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  now += 10_000;
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  expect(sums).toBe(2);
  now += 20_000;
  gate = Promise.resolve();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  expect(sums).toBe(3);
});

it('[B4] a sum that fails is reported, the count held goes on, and it is summed again 30 s later', async () => {
  const accounted = quotas();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  now += 30_000;
  gate = failing();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  await expect.poll(() => failures).toEqual(['quota']);
  gate = Promise.resolve();
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  expect(sums).toBe(2);
  now += 30_000;
  expect(await accounted.reserve(alice.docId, 100)).toBe(true);
  expect(sums).toBe(3);
});
