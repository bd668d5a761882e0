import { formatMoney, money } from '@tally/schema';
import { useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formatMonth, formMessages, routeMessages, today, wordMessages } from '../../ui/index.js';
import { BudgetCards } from './BudgetCards.js';
import { type BudgetView, shiftMonth } from './budget-view.js';
import { MonthSwitcher } from './MonthSwitcher.js';
import { budgetMessages } from './messages.js';
import { useBudgetView } from './use-budget-view.js';
import './budgets.css';

type CopyOutcome = { readonly copied: number; readonly from: string; readonly hadBudgets: boolean } | null;

/** The month's budget per expense category: what was planned, spent and is left, edited in place. */
export function BudgetsScreen() {
  const text = useText(budgetMessages);
  const words = useText(formMessages);
  const routes = useText(routeMessages);
  const current = today().slice(0, 7);
  const [month, setMonth] = useState(current);
  const [copyOutcome, setCopyOutcome] = useState<CopyOutcome>(null);
  const { view, currencyAssumed, complete } = useBudgetView(month);
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const showMonth = (next: string): void => {
    setMonth(next);
    setCopyOutcome(null);
  };
  const copyLastMonth = (): void => {
    const from = shiftMonth(month, -1);
    const hadBudgets = ledger.budgets.list().some((budget) => budget.month === from);
    setCopyOutcome({ copied: ledger.copyBudgets(from, month).length, from, hadBudgets });
  };
  const hasLines = view !== null && view.groups.length > 0;

  return (
    <section className="screen" aria-labelledby="budgets-title">
      <div className="screen__head">
        <h1 id="budgets-title">{routes('budgets')}</h1>
        {canEdit && hasLines && (
          <button type="button" className="button" data-testid="copy-budgets" onClick={copyLastMonth}>
            {text('copyLast')}
          </button>
        )}
      </div>
      <MonthSwitcher month={month} current={current} onChange={showMonth} />
      <CopyStatus outcome={copyOutcome} />
      {view === null && (
        <p className="empty" data-testid="budgets-empty">
          {text('noCurrency')} <a href="#/accounts">{text('addAccount')}</a>
        </p>
      )}
      {view !== null && !hasLines && (
        <p className="empty" data-testid="budgets-empty">
          {text('noCategories')} <a href="#/categories">{text('addCategory')}</a>
        </p>
      )}
      {view !== null && hasLines && (
        <>
          <p className="hint" data-testid="budget-currency">
            {currencyAssumed
              ? text('currencyAssumed', { currency: view.currency })
              : text('currency', { currency: view.currency })}{' '}
            {currencyAssumed && <a href="#/currencies">{words('chooseHome')}</a>}
          </p>
          {!complete && (
            <p className="hint" role="status">
              {text('reading')}
            </p>
          )}
          {view.unconverted > 0 && (
            <p className="notice" data-testid="budget-unconverted">
              {text.count('unconverted', view.unconverted)} <a href="#/currencies">{words('addRates')}</a>
            </p>
          )}
          <ToBudget view={view} />
          <BudgetCards view={view} />
        </>
      )}
    </section>
  );
}

function CopyStatus({ outcome }: { readonly outcome: CopyOutcome }) {
  const text = useText(budgetMessages);
  const locale = useLocale();
  let message = '';
  if (outcome !== null) {
    const month = formatMonth(outcome.from, locale);
    if (outcome.copied > 0) message = text.count('copied', outcome.copied, { month });
    else message = text(outcome.hadBudgets ? 'alreadyBudgeted' : 'nothingToCopy', { month });
  }
  return (
    <p className="hint" role="status" data-testid="budget-status">
      {message}
    </p>
  );
}

/** Money received that no budget has a job for yet, carried from month to month (BUD7). */
function ToBudget({ view }: { readonly view: BudgetView }) {
  const text = useText(budgetMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  const { income, budgeted, carriedOver, available } = view.toBudget;
  return (
    <section className="to-budget" data-testid="budget-to-budget" aria-labelledby="to-budget-title">
      <h2 id="to-budget-title" className="to-budget__title">
        {text('toBudget')}
      </h2>
      <p className="to-budget__amount" data-testid="budget-to-budget-amount" data-negative={available.amount < 0}>
        {available.amount < 0
          ? text('overBudgeted', { amount: formatMoney(money(-available.amount, available.currency), locale) })
          : formatMoney(available, locale)}
      </p>
      <dl className="to-budget__figures">
        <div>
          <dt>{text('toBudgetCarried')}</dt>
          <dd className="money">{formatMoney(carriedOver, locale)}</dd>
        </div>
        <div>
          <dt>{shared('income')}</dt>
          <dd className="money">{formatMoney(income, locale)}</dd>
        </div>
        <div>
          <dt>{text('budgeted')}</dt>
          <dd className="money">{formatMoney(budgeted, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
