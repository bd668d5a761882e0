import type { FieldIssue, LedgerError, LedgerErrorCode, MoneyTextCode, MoneyTextProblem } from '@tally/schema';
import type { AmountProblem } from '../ui/index.js';

/**
 * Why Tally refused what a person typed or asked, as a code of the ledger (or of the form's own
 * rules for amounts) with the values its sentence names: `refusalMessages` words each code in
 * every language, so "USD allows at most 2 decimals" reaches the person in theirs.
 */
export type Refusal =
  | { readonly code: `money.${MoneyTextCode}`; readonly values: MoneyTextProblem['values'] }
  | { readonly code: 'amount.is-negative' | 'amount.is-zero'; readonly values: Readonly<Record<string, never>> }
  | {
      readonly code: `ledger.${LedgerErrorCode}`;
      readonly values: Readonly<Record<string, never>>;
      /** The ledger's fields it refused, for a form to show the refusal next to them. */
      readonly fields: readonly FieldIssue[];
    };

/** A refusal the ledger threw on writing, by its code. */
export function refusalOf(error: LedgerError): Refusal {
  return { code: `ledger.${error.code}`, values: {}, fields: error.issues };
}

/** Why typed text was not an amount, as a refusal. */
export function amountRefusal(problem: AmountProblem): Refusal {
  return problem.code === 'negative' || problem.code === 'zero'
    ? { code: `amount.is-${problem.code}`, values: {} }
    : { code: `money.${problem.code}`, values: problem.values };
}

/** Whether an issue of a form is a refusal (worded by `refusalMessages`) rather than one of the form's own codes. */
export function isRefusal(issue: unknown): issue is Refusal {
  return typeof issue === 'object' && issue !== null && 'code' in issue && 'values' in issue;
}
