import { Converter, RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useHomeCurrency, useTally, useTransactionRows } from '../../tally/index.js';
import {
  formatDay,
  formatMonth,
  formMessages,
  Money,
  RowButton,
  routeMessages,
  today,
  wordMessages,
} from '../../ui/index.js';
import { AccountBalance, NetWorthSummary, useAccountValues } from '../accounts/index.js';
import { oneRowPerTransfer, TransactionTitle } from '../transactions/index.js';
import { dashboardMessages } from './messages.js';
import { monthlySpending } from './monthly-spending.js';

interface DashboardProps {
  readonly onOpen: (id: string) => void;
}

const RECENT = 8;

/** Home: what each account holds and all of them together, where this month's money went, and the latest transactions. */
export function Dashboard({ onOpen }: DashboardProps) {
  const tally = useTally();
  const canEdit = useCanEdit();
  const locale = useLocale();
  const text = useText(dashboardMessages);
  const routes = useText(routeMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { values, netWorth } = useAccountValues();
  const open = values.filter((value) => !value.account.archived);
  const categories = useRecords(tally.categories);
  const { rows } = useTransactionRows();
  // A transfer is one of the recent transactions, not two.
  const recent = useMemo(() => oneRowPerTransfer(rows, RECENT), [rows]);
  const month = today().slice(0, 7);
  const home = useHomeCurrency();
  const rates = useRecords(tally.rates);
  const { items: spending, unconverted } = useMemo(
    () => monthlySpending(rows, month, new Converter(new RateTable(rates), home)),
    [rows, month, home, rates],
  );
  const largest = spending[0]?.spent ?? 1;
  const monthName = formatMonth(month, locale);
  // A category deleted since still names what was spent in it.
  const categoryName = (id: string | null): string =>
    (id === null
      ? undefined
      : (categories.find((category) => category.id === id) ?? tally.ledger.categories.get(id))?.name) ??
    shared('uncategorised');

  return (
    <section className="screen dashboard" aria-labelledby="home-title">
      <h1 id="home-title" className="visually-hidden">
        {routes('home')}
      </h1>
      <div className="card">
        <h2>{text('balances')}</h2>
        {open.length === 0 ? (
          <p className="empty">
            {text('noAccounts')} <a href="#/accounts">{text('addAccount')}</a>
          </p>
        ) : (
          <>
            <ul className="list">
              {open.map((value) => (
                <li
                  key={value.account.id}
                  className="list__row list__row--static"
                  data-testid="balance-row"
                  data-id={value.account.id}
                >
                  <span className="list__title">{value.account.name}</span>
                  <AccountBalance value={value} />
                </li>
              ))}
            </ul>
            <NetWorthSummary netWorth={netWorth} />
          </>
        )}
      </div>
      <div className="card">
        <h2>{text('spending', { month: monthName })}</h2>
        {spending.length === 0 && unconverted === 0 ? (
          <p className="empty">{text('nothingSpent')}</p>
        ) : (
          <ul className="bars">
            {spending.map((item) => (
              <li key={`${item.categoryId}-${item.currency}`} className="bars__row" data-testid="spending-row">
                <span className="bars__label">{categoryName(item.categoryId)}</span>
                <Money amount={-item.spent} currency={item.currency} />
                <span className="bars__bar" style={{ width: `${Math.max(4, (item.spent / largest) * 100)}%` }} />
              </li>
            ))}
          </ul>
        )}
        {unconverted > 0 && (
          <p className="hint" data-testid="spending-unconverted">
            {text.count('spendingUnconverted', unconverted)} <a href="#/currencies">{words('addRate')}</a>
          </p>
        )}
      </div>
      <div className="card">
        <h2>{text('recent')}</h2>
        {rows.length === 0 ? (
          <p className="empty">{text('noTransactions')}</p>
        ) : (
          <ul className="list">
            {recent.map((row) => (
              <li key={row.id} className="list__row" data-testid="recent-transaction" data-id={row.id}>
                <RowButton opens={canEdit} className="list__button" onClick={() => onOpen(row.id)}>
                  <span>
                    <span className="list__title">
                      <TransactionTitle row={row} />
                    </span>
                    <span className="list__detail">{formatDay(row.date, locale)}</span>
                  </span>
                  <Money amount={row.amount} currency={row.currency} />
                </RowButton>
              </li>
            ))}
          </ul>
        )}
        <a className="link" href="#/transactions">
          {text('allTransactions')}
        </a>
      </div>
    </section>
  );
}
