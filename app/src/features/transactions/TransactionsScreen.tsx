import { useDeferredValue, useMemo, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useTransactionRows } from '../../tally/index.js';
import { formMessages, routeMessages, wordMessages } from '../../ui/index.js';
import { transactionsMessages } from './messages.js';
import { TransactionFilters } from './TransactionFilters.js';
import { TransactionList } from './TransactionList.js';
import { filterTransactions, NO_FILTER, type TransactionFilter } from './transaction-filter.js';
import './transactions.css';

interface TransactionsScreenProps {
  readonly onOpen: (id: string) => void;
}

export function TransactionsScreen({ onOpen }: TransactionsScreenProps) {
  const text = useText(transactionsMessages);
  const routes = useText(routeMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { rows, loaded } = useTransactionRows();
  const [filter, setFilter] = useState<TransactionFilter>(NO_FILTER);
  // Typing stays responsive while a long list is filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterTransactions(rows, deferredFilter), [rows, deferredFilter]);
  const filtered = shown !== rows;
  const count = !loaded
    ? words('loading')
    : filtered
      ? text.count('countFiltered', rows.length, { shown: shown.length })
      : shared.count('transactions', rows.length);
  return (
    <section className="screen screen--list" aria-labelledby="transactions-title">
      <h1 id="transactions-title">{routes('transactions')}</h1>
      <TransactionFilters filter={filter} onChange={setFilter} />
      <p className="count" data-testid="transaction-count" role="status">
        {count}
      </p>
      <TransactionList rows={shown} onOpen={onOpen} empty={filtered ? text('noMatches') : text('empty')} />
    </section>
  );
}
