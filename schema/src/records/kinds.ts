import type { CurrencyCode } from '../money/index.js';
import {
  calendarDate,
  calendarMonth,
  currency,
  field,
  flag,
  minorUnits,
  oneOf,
  optional,
  reference,
  tagList,
  text,
  type FieldIssue,
  type FieldSpec,
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
  readonly categoryId: string | null;
  readonly payee: string;
  readonly notes: string;
  readonly tags: readonly string[];
  /** The other leg of a transfer between two accounts. */
  readonly transferId: string | null;
  readonly cleared: boolean;
}

export interface Budget {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly categoryId: string;
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export interface Goal {
  readonly name: string;
  readonly targetAmount: number;
  readonly currency: CurrencyCode;
  readonly targetDate: string | null;
  readonly accountId: string | null;
}

/** What callers may pass for a record: values the ledger brands on validation (currency codes) arrive as plain strings. */
export type RecordInput<T> = { readonly [K in keyof T]: T[K] extends CurrencyCode ? string : T[K] };

export type FieldSpecs<T> = { readonly [K in keyof T]-?: FieldSpec<T[K]> };

/** Everything the ledger needs to store, check and read one kind of record. */
export interface RecordKind<T> {
  /** The top-level `Y.Map` holding records of this kind (design §2). */
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
    transferId: field('tr', optional(reference('transfer')), null),
    cleared: field('cl', flag('cleared'), false),
  },
};

export const budgetKind: RecordKind<Budget> = {
  collection: 'budgets',
  fields: {
    month: field('m', calendarMonth('month')),
    categoryId: field('ca', reference('category')),
    amount: field('a', minorUnits({ label: 'budgeted amount', min: 0 })),
    currency: field('c', currency),
  },
};

export const goalKind: RecordKind<Goal> = {
  collection: 'goals',
  fields: {
    name: field('n', text({ min: 1, max: 100, label: 'name' })),
    targetAmount: field('a', minorUnits({ label: 'target amount', min: 1 })),
    currency: field('c', currency),
    targetDate: field('d', optional(calendarDate('target date')), null),
    accountId: field('ac', optional(reference('linked account')), null),
  },
};
