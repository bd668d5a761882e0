import { type BudgetTotals, budgetId, formatMoney, type Money, money } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formatMonth, formMessages, wordMessages } from '../../ui/index.js';
import { BudgetAmountCell } from './BudgetAmountCell.js';
import type { BudgetLineView, BudgetView } from './budget-view.js';
import { budgetMessages } from './messages.js';

/**
 * Every expense category's card for the month, by group, with a total per group and for the month
 * (BUD1–BUD3): one column of cards on a phone, a grid on a wider screen, so no figure is ever cut off.
 */
export function BudgetCards({ view }: { readonly view: BudgetView }) {
  const text = useText(budgetMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  return (
    <div className="budget-cards" data-testid="budget-table">
      {view.groups.map((group) => {
        const name = group.group || words('ungrouped');
        const headingId = `budget-group-${group.group}`;
        return (
          <section
            key={group.group}
            className="budget-group"
            data-testid="budget-group"
            data-group={group.group}
            aria-labelledby={headingId}
          >
            <h2 id={headingId} className="budget-group__name">
              {name}
            </h2>
            <ul className="budget-group__lines">
              {group.lines.map((line) => (
                <BudgetCard key={line.categoryId} line={line} view={view} />
              ))}
            </ul>
            <Totals
              testId="budget-group-total"
              title={text('groupTotal', { group: name })}
              totals={group.totals}
              notBudgeted={unbudgeted(group.totals)}
            />
          </section>
        );
      })}
      <Totals
        testId="budget-total"
        title={text('monthTotal', { month: formatMonth(view.month, locale) })}
        totals={view.total}
        notBudgeted={unbudgeted(view.total)}
        month
      />
    </div>
  );
}

function BudgetCard({ line, view }: { readonly line: BudgetLineView; readonly view: BudgetView }) {
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const text = useText(budgetMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  const nameId = `budget-name-${line.categoryId}`;
  const budgetedId = `budget-budgeted-${line.categoryId}`;
  const toggleRollover = (rollover: boolean): void => {
    // Keeps this month's amount as it was written, in its own currency; only the flag changes.
    const existing = ledger.budgets.get(budgetId(line.categoryId, view.month));
    const amount = existing && !existing.deleted ? existing : { amount: 0, currency: view.currency };
    ledger.setBudget({
      month: view.month,
      categoryId: line.categoryId,
      amount: amount.amount,
      currency: amount.currency,
      rollover,
    });
  };
  const carried = line.carriedOver.amount;
  return (
    <li
      className="budget-card"
      data-testid="budget-line"
      data-id={line.categoryId}
      data-name={line.name}
      data-overspent={line.overspent}
    >
      <div className="budget-card__head">
        <h3 id={nameId} className="budget-card__name">
          {line.name}
        </h3>
        <span className="budget-card__left" data-testid="budget-left">
          <Left value={line.available} notBudgeted={line.notBudgeted} />
        </span>
      </div>
      <Bar line={line} />
      <div className="budget-card__figures">
        <div className="budget-card__figure">
          <span id={budgetedId} className="budget-card__label">
            {text('budgeted')}
          </span>
          <BudgetAmountCell
            month={view.month}
            categoryId={line.categoryId}
            budgeted={line.budgeted}
            currency={view.currency}
            rollover={line.rollover}
            labelledBy={`${budgetedId} ${nameId}`}
          />
        </div>
        <div className="budget-card__figure">
          <span className="budget-card__label">{shared('spent')}</span>
          <span className="money" data-testid="budget-spent">
            {formatMoney(line.spent, locale)}
          </span>
        </div>
      </div>
      {carried !== 0 && (
        <p className="budget-card__detail" data-testid="budget-carried">
          {text(carried > 0 ? 'carried' : 'carriedOverspend', {
            amount: formatMoney(money(Math.abs(carried), line.carriedOver.currency), locale),
          })}
        </p>
      )}
      <label className="budget-card__rollover">
        <input
          type="checkbox"
          role="switch"
          aria-checked={line.rollover}
          data-testid="budget-rollover"
          aria-describedby={nameId}
          checked={line.rollover}
          disabled={!canEdit}
          onChange={(event) => toggleRollover(event.target.checked)}
        />
        {text('rollover')}
      </label>
    </li>
  );
}

/** How much of what there is to spend is spent; full and in the danger colour once overspent. Words say the same. */
function Bar({ line }: { readonly line: BudgetLineView }) {
  const planned = line.budgeted.amount + line.carriedOver.amount;
  if (line.notBudgeted) return null;
  const share = planned <= 0 ? 1 : Math.min(1, Math.max(0, line.spent.amount / planned));
  return (
    <div className="budget-card__bar" aria-hidden="true">
      <span
        className={line.overspent ? 'budget-card__fill budget-card__fill--over' : 'budget-card__fill'}
        style={{ width: `${share * 100}%` }}
      />
    </div>
  );
}

function Totals({
  testId,
  title,
  totals,
  notBudgeted,
  month = false,
}: {
  readonly testId: string;
  readonly title: string;
  readonly totals: BudgetTotals;
  readonly notBudgeted: boolean;
  readonly month?: boolean;
}) {
  const text = useText(budgetMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  return (
    <div className={month ? 'budget-total budget-total--month' : 'budget-total'} data-testid={testId}>
      <p className="budget-total__title">{title}</p>
      <dl className="budget-total__figures">
        <div>
          <dt>{text('budgeted')}</dt>
          <dd className="money">{formatMoney(totals.budgeted, locale)}</dd>
        </div>
        <div>
          <dt>{shared('spent')}</dt>
          <dd className="money">{formatMoney(totals.spent, locale)}</dd>
        </div>
        <div>
          <dt>{text('left')}</dt>
          <dd>
            <Left value={totals.available} notBudgeted={notBudgeted} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Amount({ value }: { readonly value: Money }) {
  const locale = useLocale();
  return <span className="money">{formatMoney(value, locale)}</span>;
}

/** Totals with nothing budgeted and nothing carried over (BUD5): spending there is not overspending. */
function unbudgeted(totals: BudgetTotals): boolean {
  return totals.budgeted.amount === 0 && totals.carriedOver.amount === 0;
}

/**
 * What is left; below zero it says "overspent" in words, not in colour alone. Where nothing is
 * budgeted it says so instead (BUD5).
 */
function Left({ value, notBudgeted }: { readonly value: Money; readonly notBudgeted: boolean }) {
  const text = useText(budgetMessages);
  const locale = useLocale();
  if (notBudgeted)
    return (
      <span className="budget-unbudgeted" data-testid="budget-not-budgeted">
        {text('notBudgeted')}
      </span>
    );
  if (value.amount >= 0) return <Amount value={value} />;
  return (
    <strong className="money budget-overspent" data-testid="budget-overspent">
      {text('overspent', { amount: formatMoney(money(-value.amount, value.currency), locale) })}
    </strong>
  );
}
