import { useDeferredValue, useMemo, useState } from 'react';
import { useTransactionRows } from '../../app/use-transaction-rows.js';
import { filterTransactions, NO_FILTER, type TransactionFilter } from './transaction-filter.js';
import { TransactionFilters } from './TransactionFilters.js';
import { TransactionList } from './TransactionList.js';

function count(transactions: number): string {
  return `${transactions.toLocaleString()} ${transactions === 1 ? 'transaction' : 'transactions'}`;
}

interface TransactionsScreenProps {
  readonly onOpen: (id: string) => void;
}

export function TransactionsScreen({ onOpen }: TransactionsScreenProps) {
  const { rows, loaded } = useTransactionRows();
  const [filter, setFilter] = useState<TransactionFilter>(NO_FILTER);
  // Typing stays responsive while a long list is filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterTransactions(rows, deferredFilter), [rows, deferredFilter]);
  return (
    <section className="screen screen--list" aria-labelledby="transactions-title">
      <h1 id="transactions-title">Transactions</h1>
      <TransactionFilters filter={filter} onChange={setFilter} />
      <p className="count" data-testid="transaction-count">
        {!loaded ? 'Loading…' : shown.length === rows.length ? count(rows.length) : `${shown.length} of ${count(rows.length)}`}
      </p>
      <TransactionList rows={shown} onOpen={onOpen} />
    </section>
  );
}
