import { derivedRecordId } from '../recurring/derived-id.js';

/**
 * The starter categories a ledger begins with (SPEC REC10), by slot: what each is for, never its
 * name, which the app gives in the person's language.
 */
export const STARTER_CATEGORIES = {
  groceries: 'expense',
  eatingOut: 'expense',
  housing: 'expense',
  utilities: 'expense',
  transport: 'expense',
  health: 'expense',
  shopping: 'expense',
  leisure: 'expense',
  salary: 'income',
  otherIncome: 'income',
} as const;

export type StarterCategorySlot = keyof typeof STARTER_CATEGORIES;

export const STARTER_CATEGORY_SLOTS = Object.keys(STARTER_CATEGORIES) as readonly StarterCategorySlot[];

/** What starting a ledger on a device creates, in the person's language and currency. */
export interface StarterRecords {
  /** The home currency, and the first account's. */
  readonly currency: string;
  /** The first account's name ("Cash"); it is a cash account. */
  readonly accountName: string;
  /** Each starter category's name. */
  readonly categoryNames: Readonly<Record<StarterCategorySlot, string>>;
}

/** The id of the first account a ledger is started with in `currency`, the same on every device (REC10). */
export function starterAccountId(currency: string): string {
  return derivedRecordId('starter', 'account', currency);
}

/** The id of a starter category, the same on every device whatever its name (REC10). */
export function starterCategoryId(slot: StarterCategorySlot): string {
  return derivedRecordId('starter', 'category', slot);
}
