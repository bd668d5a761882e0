import {
  addMonths,
  type CurrencyCode,
  dueDates,
  type LedgerRecord,
  type Occurrence,
  type RecurringTransaction,
  type Transaction,
} from '@tally/schema';

/** How far ahead the upcoming list looks. */
export const UPCOMING_DAYS = 42;

/**
 * Where one due date stands: not created yet, created as the rule says, created and then changed
 * on its own, or skipped (RCR2).
 */
export type OccurrenceState = 'planned' | 'created' | 'changed' | 'skipped';

/** One line of the upcoming list: what will be (or was) booked for one due date. */
export interface UpcomingOccurrence {
  readonly recurringId: string;
  /** The due date, which names the occurrence even after its transaction moved to another day. */
  readonly dueDate: string;
  readonly date: string;
  readonly payee: string;
  readonly amount: number;
  readonly currency: CurrencyCode;
  readonly state: OccurrenceState;
}

function stateOf(
  rule: RecurringTransaction,
  dueDate: string,
  transaction: LedgerRecord<Transaction> | undefined,
): OccurrenceState {
  if (!transaction) return 'planned';
  if (transaction.deleted) return 'skipped';
  const asRuled =
    transaction.date === dueDate &&
    transaction.amount === rule.amount &&
    transaction.payee === rule.payee &&
    transaction.accountId === rule.accountId;
  return asRuled ? 'created' : 'changed';
}

/** The upcoming list: each occurrence as it will be booked, an edited one with its own amount, day and payee. */
export function upcomingList(
  occurrences: readonly Occurrence[],
  ruleOf: (id: string) => LedgerRecord<RecurringTransaction> | undefined,
): UpcomingOccurrence[] {
  return occurrences.flatMap((occurrence) => {
    const rule = ruleOf(occurrence.recurringId);
    if (!rule) return [];
    const transaction = occurrence.transaction;
    const booked = transaction && !transaction.deleted ? transaction : rule;
    return [
      {
        recurringId: rule.id,
        dueDate: occurrence.date,
        date: transaction && !transaction.deleted ? transaction.date : occurrence.date,
        payee: booked.payee,
        amount: booked.amount,
        currency: booked.currency,
        state: stateOf(rule, occurrence.date, transaction),
      },
    ];
  });
}

/**
 * The next due date on or after `from` that has not been skipped, or undefined when the rule is
 * paused or has ended. Looks one whole period past `from`, the furthest the next date can be.
 */
export function nextDueDate(
  rule: RecurringTransaction & { readonly id: string },
  from: string,
  isSkipped: (dueDate: string) => boolean,
): string | undefined {
  if (rule.paused) return undefined;
  let windowStart = from > rule.startDate ? from : rule.startDate;
  // A few skipped dates in a row are possible; a rule whose every date is skipped is not worth walking for ever.
  for (let window = 0; window < 12; window += 1) {
    const windowEnd = addMonths(windowStart, 12 * rule.interval + 1);
    const next = dueDates(rule, windowStart, windowEnd).find((date) => !isSkipped(date));
    if (next !== undefined) return next;
    if (rule.endDate !== null && windowEnd >= rule.endDate) return undefined;
    windowStart = windowEnd;
  }
  return undefined;
}
