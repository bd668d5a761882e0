import { formatAmount, type Ledger, money, parseCalendarDate } from '@tally/schema';
import { type Refusal, type Saving, saveForm } from '../../forms/index.js';
import { type IssueCode, readAmount } from './recurring-draft.js';
import type { UpcomingOccurrence } from './upcoming.js';

/** "Edit this one": the amount, day and payee of one occurrence, as typed. */
export interface OccurrenceDraft {
  readonly amount: string;
  readonly date: string;
  readonly payee: string;
}

export type OccurrenceIssues = Partial<Record<keyof OccurrenceDraft | 'form', IssueCode | Refusal>>;

export function occurrenceDraftOf(occurrence: UpcomingOccurrence, locale: string): OccurrenceDraft {
  return {
    amount: formatAmount(money(Math.abs(occurrence.amount), occurrence.currency), locale, { useGrouping: false }),
    date: occurrence.date,
    payee: occurrence.payee,
  };
}

/**
 * Changes one occurrence only (RCR2): the recurring item keeps its amount, day and payee. The
 * amount keeps its direction, money out stays money out.
 */
export function saveOccurrenceDraft(
  ledger: Ledger,
  occurrence: UpcomingOccurrence,
  draft: OccurrenceDraft,
  locale: string,
): Saving<OccurrenceIssues> {
  return saveForm(ledger, {
    check: () => {
      const issues: OccurrenceIssues = {};
      const amount = readAmount(draft.amount, occurrence.currency, locale);
      if (!amount.ok) issues.amount = amount.issue;
      if (!parseCalendarDate(draft.date)) issues.date = 'dateInvalid';
      if (draft.payee.trim().length > 200) issues.payee = 'payeeTooLong';
      if (!amount.ok || Object.keys(issues).length > 0) return { issues };
      const units = occurrence.amount < 0 ? -amount.units : amount.units;
      return { fields: { amount: units, date: draft.date, payee: draft.payee.trim() } };
    },
    write: (fields) => {
      ledger.editOccurrence(occurrence.recurringId, occurrence.dueDate, fields);
    },
    refused: (refusal) => ({ form: refusal }),
  });
}
