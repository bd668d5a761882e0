import { useMemo } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useTransactionRows } from '../../app/use-transaction-rows.js';
import { useRecords } from '../../ledger/index.js';
import { useLocale } from '../../i18n/index.js';
import { formatDay, formatMonth, today } from '../../ui/locale.js';
import { Money } from '../../ui/Money.js';
import { useAccountBalances } from '../accounts/use-account-balances.js';
import { monthlySpending } from './monthly-spending.js';

interface DashboardProps {
  readonly onOpen: (id: string) => void;
}

const RECENT = 8;

/** Home: what each account holds, where this month's money went, and the latest transactions. */
export function Dashboard({ onOpen }: DashboardProps) {
  const tally = useTally();
  const locale = useLocale();
  const accounts = useRecords(tally.accounts).filter((account) => !account.archived);
  const categories = useRecords(tally.categories);
  const { rows } = useTransactionRows();
  const balances = useAccountBalances();
  const month = today().slice(0, 7);
  const spending = useMemo(() => monthlySpending(rows, month), [rows, month]);
  const largest = spending[0]?.spent ?? 1;
  const monthName = formatMonth(month, locale);

  return (
    <section className="screen dashboard" aria-labelledby="home-title">
      <h1 id="home-title" className="visually-hidden">
        Home
      </h1>
      <div className="card">
        <h2>Balances</h2>
        {accounts.length === 0 ? (
          <p className="empty">
            No accounts yet. <a href="#/accounts">Add one</a> to start.
          </p>
        ) : (
          <ul className="list">
            {accounts.map((account) => (
              <li key={account.id} className="list__row list__row--static" data-testid="balance-row">
                <span className="list__title">{account.name}</span>
                <Money amount={balances.get(account.id) ?? 0} currency={account.currency} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card">
        <h2>Spending in {monthName}</h2>
        {spending.length === 0 ? (
          <p className="empty">Nothing spent this month.</p>
        ) : (
          <ul className="bars">
            {spending.map((item) => (
              <li key={`${item.categoryId}-${item.currency}`} className="bars__row" data-testid="spending-row">
                <span className="bars__label">{categories.find((category) => category.id === item.categoryId)?.name ?? 'Uncategorised'}</span>
                <Money amount={-item.spent} currency={item.currency} />
                <span className="bars__bar" style={{ width: `${Math.max(4, (item.spent / largest) * 100)}%` }} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="card">
        <h2>Recent transactions</h2>
        {rows.length === 0 ? (
          <p className="empty">No transactions yet.</p>
        ) : (
          <ul className="list">
            {rows.slice(0, RECENT).map((row) => (
              <li key={row.id} className="list__row" data-testid="recent-transaction" data-id={row.id}>
                <button type="button" className="list__button" onClick={() => onOpen(row.id)}>
                  <span>
                    <span className="list__title">{row.payee || 'No payee'}</span>
                    <span className="list__detail">{formatDay(row.date, locale)}</span>
                  </span>
                  <Money amount={row.amount} currency={row.currency} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <a className="link" href="#/transactions">
          All transactions
        </a>
      </div>
    </section>
  );
}
