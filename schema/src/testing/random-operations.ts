import * as Y from 'yjs';
import { dateInZone } from '../calendar/index.js';
import { compareTimestamps, type Timestamp } from '../clock/index.js';
import { newRecordId } from '../ids.js';
import { budgetId, type Ledger, LedgerError, type LedgerRecord, personId, rateId } from '../ledger/index.js';
import { ACCOUNT_TYPES, CATEGORY_KINDS, isExactShares, type Settlement, type Transaction } from '../records/index.js';
import { FREQUENCIES } from '../recurring/schedule.js';
import { COLLECTION_NAMES, type CollectionName, collectionOf } from './convergence.js';
import type { SeededRandom } from './seeded-random.js';

/** One field write as it was made: what the LWW oracle of the fuzz tests compares against. */
export interface LoggedWrite {
  readonly collection: CollectionName;
  readonly id: string;
  readonly field: string;
  readonly value: unknown;
  readonly timestamp: Timestamp;
  /** The writer's Yjs client and its clock after the write: a replica whose state reaches it has the write. */
  readonly client: number;
  readonly clock: number;
}

export interface Operation {
  readonly description: string;
  readonly writes: readonly LoggedWrite[];
}

const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;
const PAYEES = ['Bakery', 'Rent', 'Salary', 'Bookshop', 'Train', 'Café Müller', 'Pharmacy'];
const WORDS = ['weekly', 'shared', 'refund', 'gift', 'work', 'holiday'];
/** Relay accounts whose people several replicas may create at once (PPL2). */
const SHARED_ACCOUNTS = ['sharedAccountAlexxxxxx', 'sharedAccountSamxxxxxx'];

function randomDate(random: SeededRandom): string {
  const month = random.int(1, 12);
  const day = random.int(1, month === 2 ? 28 : 30);
  return `${random.int(2020, 2027)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function live(ledger: Ledger, name: CollectionName): LedgerRecord<object>[] {
  return collectionOf(ledger, name).list();
}

function idOf(random: SeededRandom, records: readonly { id: string }[]): string | null {
  return records.length === 0 ? null : random.pick(records).id;
}

/** A valid value for one field of a record, chosen so the ledger's reference checks pass. */
function randomValue(ledger: Ledger, random: SeededRandom, name: CollectionName, field: string): unknown {
  switch (field) {
    case 'name':
      return `${random.pick(PAYEES)} ${random.int(1, 99)}`;
    case 'group':
      return random.pick(['Home', 'Daily', 'Income', '']);
    case 'type':
      return random.pick(ACCOUNT_TYPES);
    case 'kind':
      return random.pick(CATEGORY_KINDS);
    case 'currency':
      return random.pick(CURRENCIES);
    case 'openingBalance':
    case 'amount':
      if (name === 'budgets') return random.int(0, 100_000);
      return name === 'settlements' ? random.int(1, 500_000) : random.int(-500_000, 500_000);
    case 'targetAmount':
      return random.int(1, 10_000_000);
    case 'archived':
    case 'cleared':
    case 'paused':
    case 'countWholeBalance':
      return random.chance(0.5);
    case 'date':
      return randomDate(random);
    case 'targetDate':
      return random.chance(0.3) ? null : `${random.int(2027, 2029)}-06-30`;
    case 'accountIds':
      return ledger.accounts
        .list()
        .filter(() => random.chance(0.3))
        .map((account) => account.id);
    case 'rollover':
      return random.chance(0.5);
    case 'field':
      return random.pick(['payee', 'notes']);
    case 'contains':
      return random.pick(PAYEES).slice(0, random.int(3, 6));
    case 'note':
      return random.pick(WORDS);
    case 'rate':
      return `${random.int(0, 3)}.${random.int(1, 9999)}`;
    case 'frequency':
      return random.pick(FREQUENCIES);
    case 'interval':
      return random.int(1, 3);
    case 'dayOfMonth':
      return random.chance(0.3) ? null : random.int(1, 31);
    case 'startDate':
      return `${random.int(2025, 2026)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    case 'endDate':
      return random.chance(0.7) ? null : `2027-${String(random.int(1, 12)).padStart(2, '0')}-15`;
    case 'month':
      return randomDate(random).slice(0, 7);
    case 'payee':
      return random.pick(PAYEES);
    case 'notes':
      return random.chance(0.5) ? '' : `${random.pick(WORDS)} ${random.int(1, 9)}`;
    case 'tags':
      return random.chance(0.5) ? [] : [random.pick(WORDS)];
    case 'splits':
    case 'shares':
      return [];
    case 'paidBy':
      return null;
    case 'attachments':
      return random.chance(0.5)
        ? []
        : [
            {
              hash: random.int(0, 0xffff).toString(16).padStart(64, 'a'),
              name: `${random.pick(WORDS)}.jpg`,
              type: 'image/jpeg',
              size: random.int(1, 2_000_000),
              addedAt: random.int(1_700_000_000_000, 1_800_000_000_000),
            },
          ];
    case 'userId':
      // A fresh account each time: giving one account to two people is refused (PPL2).
      return random.chance(0.5) ? null : newRecordId(random);
    case 'categoryId': {
      const required = name === 'budgets' || name === 'rules';
      return !required && random.chance(0.2) ? null : idOf(random, live(ledger, 'categories'));
    }
    case 'transferId':
      return random.chance(0.5) ? null : idOf(random, live(ledger, 'transactions'));
    default:
      throw new Error(`no generator for ${name}.${field}`);
  }
}

const FIELDS: Record<CollectionName, readonly string[]> = {
  accounts: ['name', 'type', 'currency', 'openingBalance', 'archived'],
  categories: ['name', 'group', 'kind', 'archived'],
  transactions: [
    'date',
    'amount',
    'accountId',
    'categoryId',
    'payee',
    'notes',
    'tags',
    'splits',
    'transferId',
    'cleared',
    'paidBy',
    'shares',
    'attachments',
  ],
  budgets: ['month', 'categoryId', 'amount', 'currency', 'rollover'],
  goals: ['name', 'targetAmount', 'currency', 'startDate', 'targetDate', 'accountIds'],
  contributions: ['goalId', 'date', 'amount', 'note'],
  rates: ['date', 'rate'],
  rules: ['field', 'contains', 'categoryId'],
  people: ['name', 'userId', 'archived'],
  settlements: ['fromPersonId', 'toPersonId', 'amount', 'currency', 'date', 'note'],
  recurring: [
    'payee',
    'amount',
    'accountId',
    'categoryId',
    'notes',
    'frequency',
    'interval',
    'dayOfMonth',
    'startDate',
    'endDate',
    'paused',
  ],
};

/** Collections whose records belong to an account and take its currency. */
function inAccount(name: CollectionName): boolean {
  return name === 'transactions' || name === 'recurring';
}

function isRequiredReference(name: CollectionName, field: string): boolean {
  return (
    (inAccount(name) && field === 'accountId') ||
    ((name === 'budgets' || name === 'rules') && field === 'categoryId') ||
    (name === 'contributions' && field === 'goalId') ||
    (name === 'settlements' && (field === 'fromPersonId' || field === 'toPersonId'))
  );
}

function writesOf(ledger: Ledger, name: CollectionName, id: string, before: Timestamp): LoggedWrite[] {
  const writes: LoggedWrite[] = [];
  const client = ledger.doc.clientID;
  const clock = Y.getState(ledger.doc.store, client);
  // An operation may write more than once (restore, then update): every write of this replica
  // since `before` is one of them.
  for (const [field, write] of collectionOf(ledger, name).fieldWrites(id)) {
    if (write.timestamp.node === ledger.clock.node && compareTimestamps(write.timestamp, before) > 0) {
      writes.push({
        collection: name,
        id,
        field: String(field),
        value: write.value,
        timestamp: write.timestamp,
        client,
        clock,
      });
    }
  }
  return writes;
}

/**
 * Runs a change that may partly lose to a peer whose clock is more than the allowed drift ahead
 * (the fuzz skews clocks by up to an hour): the ledger writes the other fields and says so.
 */
function allowOverruled(change: () => unknown): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof LedgerError && error.code === 'overruled')) throw error;
  }
}

/** Values a new record takes from another one, so the ledger's reference rules hold. */
function linkedValues(ledger: Ledger, random: SeededRandom, name: CollectionName): Record<string, unknown> | undefined {
  switch (name) {
    case 'transactions':
    case 'recurring':
      return moveToAccount(ledger, random);
    case 'contributions':
      return moveToGoal(ledger, random);
    case 'settlements':
      return betweenTwoPeople(ledger, random);
    case 'rates':
      return random.pick([
        { from: 'EUR', to: 'USD' },
        { from: 'USD', to: 'EUR' },
        { from: 'USD', to: 'JPY' },
      ]);
    default:
      return {};
  }
}

function create(ledger: Ledger, random: SeededRandom, name: CollectionName): Operation | undefined {
  const input = linkedValues(ledger, random, name);
  if (!input) return undefined;
  for (const field of FIELDS[name]) {
    if (field in input) continue;
    const value = randomValue(ledger, random, name, field);
    if (value === null && isRequiredReference(name, field)) return undefined;
    input[field] = value;
  }
  if (name === 'transactions' && input.transferId === null && random.chance(0.5)) {
    Object.assign(input, randomSharing(ledger, random, Number(input.amount)));
  }
  const before = ledger.clock.latest;
  // Budgets and rates have one record per month or day, and a relay account's person has a
  // derived id: each is set through the ledger like the app does.
  let id: string;
  if (name === 'people' && random.chance(0.3)) {
    const userId = random.pick(SHARED_ACCOUNTS);
    id = ledger.personForUser(userId)?.id ?? personId(userId);
    allowOverruled(() => ledger.ensurePerson({ userId, name: String(input.name) }));
  } else if (name === 'budgets') {
    id = budgetId(String(input.categoryId), String(input.month));
    allowOverruled(() => ledger.setBudget(input as never));
  } else if (name === 'rates') {
    id = rateId(String(input.from), String(input.to), String(input.date));
    allowOverruled(() => ledger.setExchangeRate(input as never));
  } else id = collectionOf(ledger, name).create(input as never).id;
  return { description: `create ${name}/${id}`, writes: writesOf(ledger, name, id, before) };
}

/** Parts in two categories that add up to `amount`, neither of them zero. */
function splitInTwo(ledger: Ledger, random: SeededRandom, amount: number): Record<string, unknown> | undefined {
  const categories = live(ledger, 'categories');
  if (categories.length === 0) return undefined;
  let first = random.int(-500_000, 500_000);
  if (first === 0 || first === amount) first = amount === 1 ? 2 : 1;
  return {
    categoryId: null,
    splits: [
      { categoryId: random.pick(categories).id, amount: first, memo: '' },
      { categoryId: random.pick(categories).id, amount: amount - first, memo: random.pick(WORDS) },
    ],
  };
}

/**
 * Who paid and how a transaction of `amount` is shared among some of the live people: equally,
 * by weight or by exact amounts that add up. Undefined while the ledger has nobody.
 */
function randomSharing(ledger: Ledger, random: SeededRandom, amount: number): Record<string, unknown> | undefined {
  const people = ledger.people.list();
  if (people.length === 0) return undefined;
  const sharing = people.filter(() => random.chance(0.6));
  if (sharing.length === 0) sharing.push(random.pick(people));
  const paidBy = random.pick(people).id;
  const size = Math.abs(amount);
  if (size < sharing.length || random.chance(0.6)) {
    const equally = random.chance(0.5);
    return {
      paidBy,
      shares: sharing.map((person) => ({ personId: person.id, weight: equally ? 1 : random.int(1, 5) })),
    };
  }
  const sign = amount < 0 ? -1 : 1;
  const parts = sharing.map(() => sign * random.int(1, Math.max(1, Math.floor(size / sharing.length))));
  parts[parts.length - 1] = amount - parts.slice(0, -1).reduce((sum, part) => sum + part, 0);
  return { paidBy, shares: sharing.map((person, index) => ({ personId: person.id, amount: parts[index] })) };
}

/** A transaction's amount, category and parts change together, so that the parts add up. */
function transactionPatch(
  ledger: Ledger,
  random: SeededRandom,
  transaction: Transaction,
  field: string,
): Record<string, unknown> | undefined {
  switch (field) {
    case 'splits':
      return splitInTwo(ledger, random, transaction.amount);
    case 'amount': {
      const amount = random.int(-500_000, 500_000);
      // Without categories left to split into, the new amount ends the split; without people, the sharing.
      const splits = transaction.splits.length === 0 ? {} : (splitInTwo(ledger, random, amount) ?? { splits: [] });
      const exact = isExactShares(transaction.shares) ? (randomSharing(ledger, random, amount) ?? { shares: [] }) : {};
      return { amount, ...splits, ...exact };
    }
    case 'categoryId':
      return { categoryId: randomValue(ledger, random, 'transactions', field), splits: [] };
    case 'paidBy':
    case 'shares':
      if (transaction.transferId !== null) return {};
      if (random.chance(0.1)) return { paidBy: null, shares: [] };
      // Someone who paid for themselves (SHR1).
      if (random.chance(0.1)) return { paidBy: idOf(random, live(ledger, 'people')), shares: [] };
      return randomSharing(ledger, random, transaction.amount) ?? { paidBy: null, shares: [] };
    case 'transferId': {
      const transferId = randomValue(ledger, random, 'transactions', field);
      // A transfer is nobody's expense (SHR1).
      return transferId === null ? { transferId } : { transferId, paidBy: null, shares: [] };
    }
    default:
      return undefined;
  }
}

/** Two different live people, for a settlement between them. */
function betweenTwoPeople(ledger: Ledger, random: SeededRandom): Record<string, unknown> | undefined {
  const people = ledger.people.list();
  if (people.length < 2) return undefined;
  const from = random.pick(people);
  const to = random.pick(people.filter((person) => person.id !== from.id));
  return { fromPersonId: from.id, toPersonId: to.id };
}

/** Moving one end of a settlement to another live person, never to the person at its other end. */
function movedSettlement(
  ledger: Ledger,
  random: SeededRandom,
  settlement: { readonly fromPersonId: string; readonly toPersonId: string },
  field: 'fromPersonId' | 'toPersonId',
): Record<string, unknown> | undefined {
  const otherEnd = field === 'fromPersonId' ? settlement.toPersonId : settlement.fromPersonId;
  const people = ledger.people.list().filter((person) => person.id !== otherEnd);
  return people.length === 0 ? undefined : { [field]: random.pick(people).id };
}

/** Moving a contribution to another goal takes that goal's currency with it. */
function moveToGoal(ledger: Ledger, random: SeededRandom): Record<string, unknown> | undefined {
  const goals = ledger.goals.list();
  if (goals.length === 0) return undefined;
  const goal = random.pick(goals);
  return { goalId: goal.id, currency: goal.currency };
}

/** Moving a transaction to another account takes that account's currency with it. */
function moveToAccount(ledger: Ledger, random: SeededRandom): Record<string, unknown> | undefined {
  const accounts = ledger.accounts.list();
  if (accounts.length === 0) return undefined;
  const account = random.pick(accounts);
  return { accountId: account.id, currency: account.currency };
}

/** A change of one field, with whatever must change along with it. */
function patchFor(
  ledger: Ledger,
  random: SeededRandom,
  name: CollectionName,
  record: object,
  field: string,
): Record<string, unknown> | undefined {
  if (inAccount(name) && field === 'accountId') return moveToAccount(ledger, random);
  if (name === 'contributions' && field === 'goalId') return moveToGoal(ledger, random);
  if (name === 'settlements' && (field === 'fromPersonId' || field === 'toPersonId')) {
    return movedSettlement(ledger, random, record as Settlement, field);
  }
  const transaction =
    name === 'transactions' ? transactionPatch(ledger, random, record as Transaction, field) : undefined;
  return transaction ?? { [field]: randomValue(ledger, random, name, field) };
}

/**
 * One random change a user could make on this replica: create a record of any kind, edit one
 * field of any record, delete or restore one. Every value is valid, so the ledger accepts it.
 */
export function randomOperation(ledger: Ledger, random: SeededRandom): Operation {
  if (random.chance(0.05)) {
    const today = dateInZone(new Date(ledger.clock.latest.millis), 'UTC');
    allowOverruled(() => ledger.createDueOccurrences(today));
    return { description: `create the occurrences due up to ${today}`, writes: [] };
  }
  const name = random.pick(COLLECTION_NAMES);
  const collection = collectionOf(ledger, name);
  const records = collection.list({ includeDeleted: true });
  const roll = random.int(0, 99);
  if (records.length === 0 || roll < 25) {
    return create(ledger, random, name) ?? create(ledger, random, 'accounts') ?? { description: 'nothing', writes: [] };
  }
  const record = random.pick(records);
  const before = ledger.clock.latest;
  if (roll < 35) {
    allowOverruled(() => (record.deleted ? collection.restore(record.id) : collection.delete(record.id)));
    return {
      description: `${record.deleted ? 'restore' : 'delete'} ${name}/${record.id}`,
      writes: writesOf(ledger, name, record.id, before),
    };
  }
  const field = random.pick(FIELDS[name]);
  const patch = patchFor(ledger, random, name, record, field);
  if (patch === undefined || (patch[field] === null && isRequiredReference(name, field))) {
    return { description: `no ${field} to choose for ${name}/${record.id}`, writes: [] };
  }
  allowOverruled(() => collection.update(record.id, patch as never));
  return {
    description: `set ${name}/${record.id} ${JSON.stringify(patch)}`,
    writes: writesOf(ledger, name, record.id, before),
  };
}
