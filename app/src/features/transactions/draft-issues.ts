import type { Refusal } from '../../forms/index.js';

/**
 * What can be wrong with the transaction form, as codes; the editor says each in the person's
 * language (`editor-messages.ts`, keys `issue.<code>`).
 */
export const DRAFT_ISSUES = [
  'account-missing',
  'amount-unreadable',
  'to-account-missing',
  'to-account-same',
  'date-invalid',
  'payee-too-long',
  'notes-too-long',
  'category-missing',
  'tags-invalid',
  'split-too-few',
  'split-unbalanced',
  'split-refused',
  'part-category-missing',
  'payer-missing',
  'share-weight-invalid',
  'share-amount-unreadable',
  'shares-unbalanced',
  'shares-refused',
  'not-saved',
] as const;
export type DraftIssue = (typeof DRAFT_ISSUES)[number];

/** Where an issue is shown: next to a field, under one part of a split, or for the whole form. */
export type IssueField =
  | 'amount'
  | 'payee'
  | 'date'
  | 'accountId'
  | 'toAccountId'
  | 'categoryId'
  | 'notes'
  | 'tags'
  | 'splits'
  | 'paidBy'
  | 'shares'
  | 'form'
  | `part.${number}.categoryId`
  | `part.${number}.amount`;

/** What is wrong at each place: one of the form's own codes, or a refusal worded by `forms/` (an amount, the ledger). */
export type DraftIssues = Partial<Record<IssueField, DraftIssue | Refusal>>;

/** The ledger's field names (REC4 issues) and the form field each one is shown at. */
const ISSUE_OF_FIELD: Readonly<Record<string, readonly [IssueField, DraftIssue]>> = {
  date: ['date', 'date-invalid'],
  amount: ['amount', 'amount-unreadable'],
  receivedAmount: ['amount', 'amount-unreadable'],
  currency: ['accountId', 'account-missing'],
  accountId: ['accountId', 'account-missing'],
  fromAccountId: ['accountId', 'account-missing'],
  toAccountId: ['toAccountId', 'to-account-missing'],
  categoryId: ['categoryId', 'category-missing'],
  payee: ['payee', 'payee-too-long'],
  notes: ['notes', 'notes-too-long'],
  tags: ['tags', 'tags-invalid'],
  splits: ['splits', 'split-refused'],
  paidBy: ['paidBy', 'payer-missing'],
  shares: ['shares', 'shares-refused'],
};

/** Adds the ledger's reasons for refusing a record, each at its field, keeping the first per field. */
export function addLedgerIssues(issues: DraftIssues, fields: readonly { readonly field: string }[]): void {
  for (const { field } of fields) {
    const [at, issue] = ISSUE_OF_FIELD[field] ?? ['form', 'not-saved'];
    issues[at] ??= issue;
  }
}

export function hasIssues(issues: DraftIssues): boolean {
  return Object.keys(issues).length > 0;
}
