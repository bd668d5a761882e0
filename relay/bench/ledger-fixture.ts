import { Ledger } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import * as Y from 'yjs';

const payees = ['Corner Bakery', 'City Rent Ltd', 'Employer GmbH', 'Bookshop', 'Rail Company', 'Café Müller', 'Pharmacy'];
const notes = ['weekly shop', 'shared with Sam', 'refund pending', 'birthday present', '', 'work trip'];

/** A ledger of `count` typical eight-field transactions, as one stored snapshot. */
export function ledgerSnapshot(count: number): Uint8Array {
  const random = new SeededRandom(count);
  const doc = new Y.Doc();
  const ledger = new Ledger(doc, { random });
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const categoryIds = ['Groceries', 'Rent', 'Travel', 'Books'].map((name) => ledger.categories.create({ name, kind: 'expense' }).id);
  for (let i = 0; i < count; i += 1000) {
    ledger.transact(() => {
      for (let j = i; j < Math.min(count, i + 1000); j++) {
        ledger.transactions.create({
          date: `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          amount: -random.int(100, 250_000),
          currency: 'EUR',
          accountId,
          categoryId: random.pick(categoryIds),
          payee: random.pick(payees),
          notes: random.pick(notes),
          tags: random.chance(0.3) ? ['holiday'] : [],
        });
      }
    });
  }
  return Y.encodeStateAsUpdate(doc);
}
