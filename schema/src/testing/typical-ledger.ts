import * as Y from 'yjs';
import { Ledger, type LedgerOptions, type NewTransaction } from '../ledger/index.js';
import { SeededRandom } from './seeded-random.js';

const PAYEES = [
  'Corner Bakery',
  'City Rent Ltd',
  'Employer GmbH',
  'Bookshop',
  'Rail Company',
  'Café Müller',
  'Pharmacy',
];
const NOTES = ['weekly shop', 'shared with Sam', 'refund pending', 'birthday present', '', 'work trip'];
/** Transactions created per update, as an import would. */
const BATCH = 1_000;

/** The account and categories every typical transaction refers to. */
export interface TypicalSetup {
  readonly accountId: string;
  readonly categoryIds: readonly string[];
}

/** Creates a checking account in EUR and four expense categories. */
export function typicalSetup(ledger: Ledger): TypicalSetup {
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const categoryIds = ['Groceries', 'Rent', 'Travel', 'Books'].map(
    (name) => ledger.categories.create({ name, kind: 'expense' }).id,
  );
  return { accountId, categoryIds };
}

/**
 * `count` typical transactions of one year — eight fields, ids and text of realistic length —
 * the same for the same count, so every benchmark measures the same ledger.
 */
export function typicalTransactions(count: number, { accountId, categoryIds }: TypicalSetup): NewTransaction[] {
  const random = new SeededRandom(count);
  return Array.from({ length: count }, () => ({
    date: `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    amount: -random.int(100, 250_000),
    currency: 'EUR',
    accountId,
    categoryId: random.pick(categoryIds),
    payee: random.pick(PAYEES),
    notes: random.pick(NOTES),
    tags: random.chance(0.3) ? ['holiday'] : [],
  }));
}

/** Creates transactions in updates of a thousand each. */
export function createInBatches(ledger: Ledger, transactions: readonly NewTransaction[]): void {
  for (let i = 0; i < transactions.length; i += BATCH) {
    ledger.transact(() => {
      for (const transaction of transactions.slice(i, i + BATCH)) ledger.transactions.create(transaction);
    });
  }
}

/** A ledger of `count` typical transactions, as a device or the relay would hold it. */
export function typicalLedger(count: number, options: LedgerOptions = {}): Ledger {
  const ledger = new Ledger(new Y.Doc(), options);
  createInBatches(ledger, typicalTransactions(count, typicalSetup(ledger)));
  return ledger;
}
