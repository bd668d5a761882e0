import type { CurrencyCode } from '../money/index.js';
import { FREQUENCIES, type Frequency } from '../recurring/schedule.js';
import {
  type Attachment,
  attachmentList,
  calendarDate,
  calendarMonth,
  currency,
  decimalRate,
  type FieldIssue,
  type FieldSpec,
  field,
  flag,
  isExactShares,
  minorUnits,
  oneOf,
  optional,
  reference,
  referenceList,
  type Shares,
  type SplitPart,
  shareList,
  splitParts,
  tagList,
  text,
  wholeNumber,
} from './field.js';

export const ACCOUNT_TYPES = ['checking', 'savings', 'credit', 'cash', 'investment', 'loan', 'other'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  readonly name: string;
  readonly type: AccountType;
  readonly currency: CurrencyCode;
  /** Balance before the first transaction, in minor units of the account's currency. */
  readonly openingBalance: number;
  readonly archived: boolean;
}

export const CATEGORY_KINDS = ['expense', 'income'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface Category {
  readonly name: string;
  readonly group: string;
  readonly kind: CategoryKind;
  readonly archived: boolean;
}

export interface Transaction {
  /** The calendar day it happened, `YYYY-MM-DD`. */
  readonly date: string;
  /** Signed minor units: negative money leaves the account, positive arrives. */
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly accountId: string;
  /** Null for an uncategorised or a split transaction. */
  readonly categoryId: string | null;
  readonly payee: string;
  readonly notes: string;
  readonly tags: readonly string[];
  /** One payment across several categories; empty when the transaction is not split. */
  readonly splits: readonly SplitPart[];
  /** The other leg of a transfer between two accounts. */
  readonly transferId: string | null;
  /** The recurring transaction this one is an occurrence of. */
  readonly recurringId: string | null;
  /** Where an imported transaction came from (the bank's id, or a key of its statement line), to recognise it on re-import. */
  readonly importId: string | null;
  readonly cleared: boolean;
  /** The person of the ledger who paid (or, for money in, received) it; null when nobody is named (SPEC SHR1). */
  readonly paidBy: string | null;
  /** Who bears how much of the whole amount; empty when it is not shared (SPEC SHR1). */
  readonly shares: Shares;
  /** Receipts and documents, named by the SHA-256 of their bytes; the bytes are not in the ledger (SPEC ATT1). */
  readonly attachments: readonly Attachment[];
}

/** Someone who shares the ledger's money (SPEC PPL1). */
export interface Person {
  readonly name: string;
  /** The relay account this person is, so a device can tell "you"; null for someone without one. */
  readonly userId: string | null;
  /** Left out of choices for new transactions; their balance still counts. */
  readonly archived: boolean;
}

/** Money one person gave another to square what they owe (SPEC SET1). */
export interface Settlement {
  /** Who paid. */
  readonly fromPersonId: string;
  /** Who received it. */
  readonly toPersonId: string;
  /** Positive minor units of `currency`. */
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly date: string;
  readonly note: string;
}

/** A transaction that repeats on a schedule; each due date becomes one transaction, once. */
export interface RecurringTransaction {
  readonly payee: string;
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly accountId: string;
  readonly categoryId: string | null;
  readonly notes: string;
  readonly frequency: Frequency;
  readonly interval: number;
  readonly dayOfMonth: number | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly paused: boolean;
  /** The last day whose occurrences have been created (or passed over while paused); null before the first. */
  readonly createdThrough: string | null;
}

export interface Budget {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly categoryId: string;
  readonly amount: number;
  readonly currency: CurrencyCode;
  /** Carry what is left (or overspent) at the end of this month into the next. */
  readonly rollover: boolean;
}

export interface Goal {
  readonly name: string;
  readonly targetAmount: number;
  readonly currency: CurrencyCode;
  /** From when the saving is paced; null: no pace is judged. */
  readonly startDate: string | null;
  readonly targetDate: string | null;
  /** Accounts whose balances count towards the goal; manual contributions count too. */
  readonly accountIds: readonly string[];
  /**
   * True: the linked accounts count with their whole balance. False: only what they gained from
   * the start date on (GOAL4). Goals stored before the choice existed read true, so nothing changes for them.
   */
  readonly countWholeBalance: boolean;
}

/** Money put towards a goal by hand, one record each, so two made at once both count. */
export interface Contribution {
  readonly goalId: string;
  readonly date: string;
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly note: string;
}

/** A rate entered by the user for a day (REC9): one unit of `from` buys `rate` units of `to`. */
export interface ExchangeRateRecord {
  readonly date: string;
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly rate: string;
}

export const RULE_FIELDS = ['payee', 'notes'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** "Payee contains X → category Y": the user's own rule, which wins over any learned suggestion. */
export interface CategoryRule {
  readonly field: RuleField;
  /** Matched case- and accent-insensitively anywhere in the field. */
  readonly contains: string;
  readonly categoryId: string;
}

/** Settings every device of the ledger shares. */
export interface LedgerSettings {
  /** The currency totals and reports are shown in; null until the user chooses. */
  readonly homeCurrency: CurrencyCode | null;
}

/** What callers may pass for a record: values the ledger brands on validation (currency codes) arrive as plain strings. */
export type RecordInput<T> = {
  readonly [K in keyof T]: T[K] extends CurrencyCode ? string : T[K] extends CurrencyCode | null ? string | null : T[K];
};

export type FieldSpecs<T> = { readonly [K in keyof T]-?: FieldSpec<T[K]> };

/** Everything the ledger needs to store, check and read one kind of record. */
export interface RecordKind<T> {
  /** The top-level `Y.Map` holding records of this kind (SPEC, Records). */
  readonly collection: string;
  readonly fields: FieldSpecs<T>;
  /** Rules across fields, checked on the whole record after each field passed its own check. */
  readonly checkRecord?: (record: T) => readonly FieldIssue[];
}

export const accountKind: RecordKind<Account> = {
  collection: 'accounts',
  fields: {
    name: field('n', text({ min: 1, max: 100, label: 'name' })),
    type: field('t', oneOf(ACCOUNT_TYPES, 'account type')),
    currency: field('c', currency),
    openingBalance: field('o', minorUnits({ label: 'opening balance' }), 0),
    archived: field('x', flag('archived'), false),
  },
};

export const categoryKind: RecordKind<Category> = {
  collection: 'categories',
  fields: {
    name: field('n', text({ min: 1, max: 100, label: 'name' })),
    group: field('g', text({ min: 0, max: 100, label: 'group' }), ''),
    kind: field('k', oneOf(CATEGORY_KINDS, 'category kind')),
    archived: field('x', flag('archived'), false),
  },
};

export const transactionKind: RecordKind<Transaction> = {
  collection: 'transactions',
  fields: {
    date: field('d', calendarDate('date')),
    amount: field('a', minorUnits({ label: 'amount' })),
    currency: field('c', currency),
    accountId: field('ac', reference('account')),
    categoryId: field('ca', optional(reference('category')), null),
    payee: field('p', text({ min: 0, max: 200, label: 'payee' }), ''),
    notes: field('no', text({ min: 0, max: 2000, label: 'notes' }), ''),
    tags: field('tg', tagList, []),
    splits: field('sp', splitParts, []),
    transferId: field('tr', optional(reference('transfer')), null),
    recurringId: field('rc', optional(reference('recurring transaction')), null),
    importId: field('im', optional(text({ min: 1, max: 200, label: 'import id' })), null),
    cleared: field('cl', flag('cleared'), false),
    paidBy: field('pb', optional(reference('payer')), null),
    shares: field('sh', shareList, []),
    attachments: field('at', attachmentList, []),
  },
  checkRecord: (transaction) => [...splitIssues(transaction), ...shareIssues(transaction)],
};

/** REC7: the parts of a split add up to the whole, and the categories are theirs. */
function splitIssues(transaction: Transaction): FieldIssue[] {
  if (transaction.splits.length === 0) return [];
  const issues: FieldIssue[] = [];
  if (transaction.splits.length < 2) issues.push({ field: 'splits', message: 'a split needs at least two parts' });
  const total = transaction.splits.reduce((sum, part) => sum + BigInt(part.amount), 0n);
  if (total !== BigInt(transaction.amount)) {
    issues.push({
      field: 'splits',
      message: `the parts add up to ${total}, not to the amount ${transaction.amount} (minor units)`,
    });
  }
  if (transaction.categoryId !== null) {
    issues.push({ field: 'categoryId', message: 'a split transaction takes its categories from its parts' });
  }
  return issues;
}

/** SHR1: a shared transaction names who paid, exact shares add up to the whole, and transfers are nobody's. */
function shareIssues(transaction: Transaction): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { amount, shares } = transaction;
  if (transaction.transferId !== null && (transaction.paidBy !== null || shares.length > 0)) {
    issues.push({
      field: 'paidBy',
      message: 'a transfer between accounts is nobody’s expense: it has no payer or shares',
    });
  }
  if (shares.length > 0 && transaction.paidBy === null) {
    issues.push({ field: 'paidBy', message: 'a shared transaction needs who paid' });
  }
  if (!isExactShares(shares)) return issues;
  if (shares.some((share) => share.amount < 0 !== amount < 0)) {
    issues.push({
      field: 'shares',
      message:
        amount < 0
          ? 'shares of money out are negative, like the amount'
          : 'shares of money in are positive, like the amount',
    });
  }
  const total = shares.reduce((sum, share) => sum + BigInt(share.amount), 0n);
  if (total !== BigInt(amount)) {
    issues.push({
      field: 'shares',
      message: `the shares add up to ${total}, not to the amount ${amount} (minor units)`,
    });
  }
  return issues;
}

export const personKind: RecordKind<Person> = {
  collection: 'people',
  fields: {
    name: field('n', text({ min: 1, max: 100, label: 'name' })),
    userId: field('u', optional(reference('relay account')), null),
    archived: field('x', flag('archived'), false),
  },
};

export const settlementKind: RecordKind<Settlement> = {
  collection: 'settlements',
  fields: {
    fromPersonId: field('f', reference('payer')),
    toPersonId: field('t', reference('receiver')),
    amount: field('a', minorUnits({ label: 'amount', min: 1 })),
    currency: field('c', currency),
    date: field('d', calendarDate('date')),
    note: field('no', text({ min: 0, max: 200, label: 'note' }), ''),
  },
  checkRecord: (settlement) =>
    settlement.fromPersonId === settlement.toPersonId
      ? [{ field: 'toPersonId', message: 'a settlement is between two different people' }]
      : [],
};

export const recurringKind: RecordKind<RecurringTransaction> = {
  collection: 'recurring',
  fields: {
    payee: field('p', text({ min: 0, max: 200, label: 'payee' }), ''),
    amount: field('a', minorUnits({ label: 'amount' })),
    currency: field('c', currency),
    accountId: field('ac', reference('account')),
    categoryId: field('ca', optional(reference('category')), null),
    notes: field('no', text({ min: 0, max: 2000, label: 'notes' }), ''),
    frequency: field('f', oneOf(FREQUENCIES, 'frequency')),
    interval: field('i', wholeNumber({ label: 'interval', min: 1, max: 99 }), 1),
    dayOfMonth: field('dm', optional(wholeNumber({ label: 'day of the month', min: 1, max: 31 })), null),
    startDate: field('sd', calendarDate('start date')),
    endDate: field('ed', optional(calendarDate('end date')), null),
    paused: field('ps', flag('paused'), false),
    createdThrough: field('ct', optional(calendarDate('created through')), null),
  },
  checkRecord: (rule) =>
    rule.endDate !== null && rule.endDate < rule.startDate
      ? [{ field: 'endDate', message: 'the end date is before the start date' }]
      : [],
};

export const budgetKind: RecordKind<Budget> = {
  collection: 'budgets',
  fields: {
    month: field('m', calendarMonth('month')),
    categoryId: field('ca', reference('category')),
    amount: field('a', minorUnits({ label: 'budgeted amount', min: 0 })),
    currency: field('c', currency),
    rollover: field('ro', flag('roll over'), false),
  },
};

export const goalKind: RecordKind<Goal> = {
  collection: 'goals',
  fields: {
    name: field('n', text({ min: 1, max: 100, label: 'name' })),
    targetAmount: field('a', minorUnits({ label: 'target amount', min: 1 })),
    currency: field('c', currency),
    startDate: field('sd', optional(calendarDate('start date')), null),
    targetDate: field('d', optional(calendarDate('target date')), null),
    accountIds: field('ac', referenceList('linked accounts'), []),
    countWholeBalance: field('wb', flag('count the whole balance'), true),
  },
  checkRecord: (goal) => [
    ...(goal.startDate !== null && goal.targetDate !== null && goal.targetDate <= goal.startDate
      ? [{ field: 'targetDate', message: 'the target date must come after the start date' }]
      : []),
    ...(!goal.countWholeBalance && goal.startDate === null
      ? [{ field: 'startDate', message: 'a goal that counts what its accounts gain needs a start date' }]
      : []),
  ],
};

export const contributionKind: RecordKind<Contribution> = {
  collection: 'contributions',
  fields: {
    goalId: field('g', reference('goal')),
    date: field('d', calendarDate('date')),
    amount: field('a', minorUnits({ label: 'amount' })),
    currency: field('c', currency),
    note: field('no', text({ min: 0, max: 200, label: 'note' }), ''),
  },
};

export const exchangeRateKind: RecordKind<ExchangeRateRecord> = {
  collection: 'rates',
  fields: {
    date: field('d', calendarDate('date')),
    from: field('f', currency),
    to: field('t', currency),
    rate: field('r', decimalRate),
  },
  checkRecord: (rate) =>
    rate.from === rate.to ? [{ field: 'to', message: 'a rate converts between two different currencies' }] : [],
};

export const settingsKind: RecordKind<LedgerSettings> = {
  collection: 'settings',
  fields: {
    homeCurrency: field('hc', optional(currency), null),
  },
};

export const ruleKind: RecordKind<CategoryRule> = {
  collection: 'rules',
  fields: {
    field: field('f', oneOf(RULE_FIELDS, 'field')),
    contains: field('t', text({ min: 1, max: 100, label: 'text to look for' })),
    categoryId: field('ca', reference('category')),
  },
};
