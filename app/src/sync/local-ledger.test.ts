import 'fake-indexeddb/auto';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { LocalLedger } from './local-ledger.js';

const open: LocalLedger[] = [];
let made = 0;

function ledgerNamed(name: string): LocalLedger {
  const local = new LocalLedger({}, { database: name });
  open.push(local);
  return local;
}

afterEach(async () => {
  for (const local of open.splice(0)) await local.close();
});

/** A fresh database per test, so no test reads another's ledger. */
function freshDatabase(): string {
  made += 1;
  return `tally-local-ledger-test-${made}`;
}

async function reopened(name: string): Promise<LocalLedger> {
  const again = ledgerNamed(name);
  await again.load();
  return again;
}

test('what is recorded once the ledger has loaded is on the device at the next start', async () => {
  const name = freshDatabase();
  const first = ledgerNamed(name);
  await first.load();
  const accountId = first.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  await first.flushed();
  await first.close();

  const second = await reopened(name);
  expect(second.ledger.accounts.get(accountId)?.name).toBe('Checking');
  second.ledger.accounts.update(accountId, { name: 'Everyday' });
  await second.flushed();
  await second.close();

  expect((await reopened(name)).ledger.accounts.get(accountId)?.name).toBe('Everyday');
});

test('a change made while the stored ledger is being read is kept, also one made while it is applied', async () => {
  const name = freshDatabase();
  const first = ledgerNamed(name);
  await first.load();
  first.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' });
  await first.flushed();
  await first.close();

  const second = ledgerNamed(name);
  // An observer that writes the first time it sees the stored ledger arrive.
  let answered = false;
  const notes = second.doc.getMap<string>('test-notes');
  second.doc.getMap('accounts').observeDeep(() => {
    if (answered) return;
    answered = true;
    notes.set('seen', 'while applying');
  });
  const loading = second.load();
  notes.set('early', 'before reading');
  await loading;
  expect(answered).toBe(true);
  const held = Y.encodeStateVector(second.doc);
  await second.flushed();
  await second.close();

  const third = await reopened(name);
  expect(third.doc.getMap<string>('test-notes').toJSON()).toEqual({ early: 'before reading', seen: 'while applying' });
  expect(third.ledger.accounts.list().map((account) => account.name)).toEqual(['Checking']);
  expect(Y.encodeStateVector(third.doc)).toEqual(held);
});
