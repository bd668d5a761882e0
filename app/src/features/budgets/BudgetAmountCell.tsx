import type { CurrencyCode, Money } from '@tally/schema';
import { type KeyboardEvent, useState } from 'react';
import { amountRefusal, saveForm, useRefusalText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { amountForInput, describedBy, readAmount } from '../../ui/index.js';
import { budgetMessages } from './messages.js';

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
  const canEdit = useCanEdit();
  const text = useText(budgetMessages);
  const refusal = useRefusalText();
  const locale = useLocale();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const id = `budget-${categoryId}`;
  const shown = amountForInput(budgeted.amount, currency, locale);

  const commit = (): void => {
    if (draft === null) return;
    const saving = saveForm(ledger, {
      check: () => {
        const read = readAmount(draft, currency, locale, { negative: true });
        if (read.ok) return { fields: read.amount };
        // A budget words an empty or negative amount its own way; the rest is the amount's refusal.
        if (read.problem.code === 'empty') return { issues: text('amountEmpty') };
        if (read.problem.code === 'negative') return { issues: text('amountNegative') };
        return { issues: refusal(amountRefusal(read.problem)) };
      },
      write: (amount) => {
        if (amount !== budgeted.amount) ledger.setBudget({ month, categoryId, amount, currency, rollover });
      },
      refused: () => text('saveFailed'),
    });
    if ('issues' in saving) {
      setError(saving.issues);
      return;
    }
    setDraft(null);
    setError(undefined);
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
        readOnly={!canEdit}
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
