import { Ledger } from '@tally/schema';
import * as Y from 'yjs';

/** One ledger API per document, so a test device keeps one writer as the app does. */
const ledgers = new WeakMap<Y.Doc, Ledger>();

/** The ledger API over a document, as the app uses it. */
export function ledgerOf(doc: Y.Doc): Ledger {
  let ledger = ledgers.get(doc);
  if (ledger === undefined) {
    ledger = new Ledger(doc);
    ledgers.set(doc, ledger);
  }
  return ledger;
}

/** Adds an account named `name` through the ledger API — an edit the relay's guard accepts — and returns its id. */
export function addAccount(doc: Y.Doc, name: string): string {
  return ledgerOf(doc).accounts.create({ name, type: 'cash', currency: 'EUR' }).id;
}

/** The names of the accounts the document holds, sorted. */
export function accountNames(doc: Y.Doc): string[] {
  return ledgerOf(doc)
    .accounts.list()
    .map((account) => account.name)
    .sort();
}

/** A ledger update that adds a monthly bill paid from a new cash account, as a device would make it. */
export function monthlyBillUpdate(bill: {
  readonly payee: string;
  readonly amount: number;
  readonly startDate: string;
  readonly paused?: boolean;
}): Uint8Array {
  const doc = new Y.Doc();
  const ledger = ledgerOf(doc);
  const accountId = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  ledger.recurring.create({ ...bill, currency: 'EUR', accountId, frequency: 'monthly' });
  return Y.encodeStateAsUpdate(doc);
}

/** A first sync the guard refuses only after a long look: 600,000 map entries, 16.7 MB, none of them a ledger's. */
export function hostileUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const map = doc.getMap('transactions');
  doc.transact(() => {
    for (let i = 0; i < 600_000; i++) map.set(`k${i}`, i);
  });
  return Y.encodeStateAsUpdate(doc);
}
