import { type CurrencyCode, LedgerError, type Money } from '@tally/schema';
import { type KeyboardEvent, useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { type AmountProblem, amountForInput, describedBy, exampleAmount, readAmount } from '../../ui/index.js';
import { budgetMessages } from './messages.js';

const PROBLEM_MESSAGE = {
  empty: 'amountEmpty',
  unreadable: 'amountUnreadable',
  negative: 'amountNegative',
  zero: 'amountZero',
} as const satisfies Record<AmountProblem, string>;

interface BudgetAmountCellProps {
  readonly month: string;
  readonly categoryId: string;
  readonly budgeted: Money;
  readonly currency: CurrencyCode;
  readonly rollover: boolean;
  /** Ids of the column and row headers that name this input, visible labels both. */
  readonly labelledBy: string;
}

/**
 * The budgeted amount, edited in place: typed text is kept while the person types and written to
 * the ledger on Enter or on leaving the field; until then, edits from other devices show through.
 */
export function BudgetAmountCell({
  month,
  categoryId,
  budgeted,
  currency,
  rollover,
  labelledBy,
}: BudgetAmountCellProps) {
  const { ledger } = useTally();
  const text = useText(budgetMessages);
  const locale = useLocale();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const id = `budget-${categoryId}`;
  const shown = amountForInput(budgeted.amount, currency, locale);

  const commit = (): void => {
    if (draft === null) return;
    const read = readAmount(draft, currency, locale, { negative: true });
    if (!read.ok) {
      setError(text(PROBLEM_MESSAGE[read.problem], { example: exampleAmount(currency, locale) }));
      return;
    }
    try {
      if (read.amount !== budgeted.amount)
        ledger.setBudget({ month, categoryId, amount: read.amount, currency, rollover });
      setDraft(null);
      setError(undefined);
    } catch (failure) {
      if (!(failure instanceof LedgerError)) throw failure;
      setError(text('saveFailed'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(null);
      setError(undefined);
    }
  };

  return (
    <>
      <input
        id={id}
        className="budget-table__amount"
        data-testid="budget-amount"
        inputMode="decimal"
        autoComplete="off"
        aria-labelledby={labelledBy}
        value={draft ?? shown}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        {...describedBy(id, error)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`} data-testid="budget-amount-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
