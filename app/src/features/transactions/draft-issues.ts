import type { AmountProblem } from '../../ui/index.js';

/**
 * What can be wrong with the transaction form, as codes; the editor says each in the person's
 * language (`editor-messages.ts`, keys `issue.<code>`).
 */
export const DRAFT_ISSUES = [
  'account-missing',
  'amount-missing',
  'amount-unreadable',
  'amount-zero',
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
  'not-saved',
  'transaction-deleted',
] as const;
export type DraftIssue = (typeof DRAFT_ISSUES)[number];

const AMOUNT_ISSUES = {
  empty: 'amount-missing',
  unreadable: 'amount-unreadable',
  negative: 'amount-unreadable',
  zero: 'amount-zero',
} as const satisfies Record<AmountProblem, DraftIssue>;

/** Why typed text is not an amount, as the form's own issue. */
export function amountIssue(problem: AmountProblem): DraftIssue {
  return AMOUNT_ISSUES[problem];
}

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
  | 'form'
  | `part.${number}.categoryId`
  | `part.${number}.amount`;

export type DraftIssues = Partial<Record<IssueField, DraftIssue>>;

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
