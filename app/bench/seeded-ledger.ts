import { openLedger, type NewTransaction } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import * as Y from 'yjs';

const PAYEES = ['Corner Bakery', 'City Rent Ltd', 'Employer GmbH', 'Bookshop', 'Rail Company', 'Café Müller', 'Pharmacy'];
const NOTES = ['weekly shop', 'shared with Sam', 'refund pending', 'birthday present', '', 'work trip'];
const BATCH = 1_000;

/** A ledger of `count` typical transactions over one year, as a device would hold it. */
export function seededLedger(count: number): Y.Doc {
  const doc = new Y.Doc();
  const ledger = openLedger(doc);
  const random = new SeededRandom(count);
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const categoryIds = ['Groceries', 'Rent', 'Travel', 'Books'].map((name) => ledger.categories.create({ name, kind: 'expense' }).id);
  const transaction = (): NewTransaction => ({
    date: `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    amount: -random.int(100, 250_000),
    currency: 'EUR',
    accountId,
    categoryId: random.pick(categoryIds),
    payee: random.pick(PAYEES),
    notes: random.pick(NOTES),
  });
  for (let done = 0; done < count; done += BATCH) {
    ledger.transact(() => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) ledger.transactions.create(transaction());
    });
  }
  return doc;
}
