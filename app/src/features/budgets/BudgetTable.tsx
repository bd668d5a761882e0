import { type BudgetTotals, budgetId, formatMoney, type Money, money } from '@tally/schema';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formatMonth, formMessages, wordMessages } from '../../ui/index.js';
import { BudgetAmountCell } from './BudgetAmountCell.js';
import type { BudgetLineView, BudgetView } from './budget-view.js';
import { budgetMessages } from './messages.js';

/** Every expense category's line for the month, by group, with a total per group and for the month (BUD1–BUD3). */
export function BudgetTable({ view }: { readonly view: BudgetView }) {
  const text = useText(budgetMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  return (
    <div className="budget-table__frame">
      <table className="budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th scope="col">{words('category')}</th>
            <th scope="col" id="budget-col-budgeted">
              {text('budgeted')}
            </th>
            <th scope="col">{shared('spent')}</th>
            <th scope="col">{text('left')}</th>
            <th scope="col" id="budget-col-rollover">
              {text('rollover')}
            </th>
          </tr>
        </thead>
        {view.groups.map((group) => {
          const name = group.group || words('ungrouped');
          return (
            <tbody key={group.group} data-testid="budget-group" data-group={group.group}>
              <tr className="budget-table__group">
                <th scope="rowgroup" colSpan={5}>
                  {name}
                </th>
              </tr>
              {group.lines.map((line) => (
                <BudgetLineRow key={line.categoryId} line={line} view={view} />
              ))}
              <tr className="budget-table__total" data-testid="budget-group-total">
                <th scope="row">{text('groupTotal', { group: name })}</th>
                <td>
                  <Amount value={group.totals.budgeted} />
                </td>
                <td>
                  <Amount value={group.totals.spent} />
                </td>
                <td>
                  <Left value={group.totals.available} notBudgeted={unbudgeted(group.totals)} />
                </td>
                <td />
              </tr>
            </tbody>
          );
        })}
        <tfoot>
          <tr className="budget-table__total budget-table__total--month" data-testid="budget-total">
            <th scope="row">{text('monthTotal', { month: formatMonth(view.month, locale) })}</th>
            <td>
              <Amount value={view.total.budgeted} />
            </td>
            <td>
              <Amount value={view.total.spent} />
            </td>
            <td>
              <Left value={view.total.available} notBudgeted={unbudgeted(view.total)} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function BudgetLineRow({ line, view }: { readonly line: BudgetLineView; readonly view: BudgetView }) {
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const text = useText(budgetMessages);
  const locale = useLocale();
  const rowId = `budget-row-${line.categoryId}`;
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
    <tr data-testid="budget-line" data-id={line.categoryId} data-name={line.name} data-overspent={line.overspent}>
      <th scope="row" id={rowId}>
        {line.name}
      </th>
      <td>
        <BudgetAmountCell
          month={view.month}
          categoryId={line.categoryId}
          budgeted={line.budgeted}
          currency={view.currency}
          rollover={line.rollover}
          labelledBy={`budget-col-budgeted ${rowId}`}
        />
      </td>
      <td data-testid="budget-spent">
        <Amount value={line.spent} />
      </td>
      <td data-testid="budget-left">
        <Left value={line.available} notBudgeted={line.notBudgeted} />
        {carried !== 0 && (
          <span className="budget-table__detail" data-testid="budget-carried">
            {text(carried > 0 ? 'carried' : 'carriedOverspend', {
              amount: formatMoney(money(Math.abs(carried), line.carriedOver.currency), locale),
            })}
          </span>
        )}
      </td>
      <td>
        <input
          type="checkbox"
          className="budget-table__rollover"
          data-testid="budget-rollover"
          aria-labelledby={`budget-col-rollover ${rowId}`}
          checked={line.rollover}
          disabled={!canEdit}
          onChange={(event) => toggleRollover(event.target.checked)}
        />
      </td>
    </tr>
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
      <span className="budget-table__unbudgeted" data-testid="budget-not-budgeted">
        {text('notBudgeted')}
      </span>
    );
  if (value.amount >= 0) return <Amount value={value} />;
  return (
    <strong className="money budget-table__overspent" data-testid="budget-overspent">
      {text('overspent', { amount: formatMoney(money(-value.amount, value.currency), locale) })}
    </strong>
  );
}
