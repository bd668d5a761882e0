import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecord } from '../../ledger/index.js';
import { useCanEdit, useTally, useTransactionRows } from '../../tally/index.js';
import { formMessages, routeMessages, wordMessages } from '../../ui/index.js';
import { BulkActions } from './BulkActions.js';
import { transactionsMessages } from './messages.js';
import { runningBalances } from './running-balance.js';
import { TransactionFilters } from './TransactionFilters.js';
import { TransactionList } from './TransactionList.js';
import { NO_FILTER, type TransactionFilter } from './transaction-filter.js';
import { TransactionFinder } from './transaction-finder.js';
import { oneRowPerTransfer } from './transfer-rows.js';
import './transactions.css';

interface TransactionsScreenProps {
  readonly onOpen: (id: string) => void;
  /** Called with what a bulk delete removed, so it can be undone. */
  readonly onDeleted: (ids: readonly string[]) => void;
}

export function TransactionsScreen({ onOpen, onDeleted }: TransactionsScreenProps) {
  const tally = useTally();
  const canEdit = useCanEdit();
  const text = useText(transactionsMessages);
  const routes = useText(routeMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { rows, loaded } = useTransactionRows();
  const [filter, setFilter] = useState<TransactionFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string> | undefined>(undefined);
  // Typing stays responsive while a long list is filtered behind it.
  const deferredFilter = useDeferredValue(filter);
  const finder = useMemo(() => new TransactionFinder(rows), [rows]);
  const matching = useMemo(() => finder.find(deferredFilter), [finder, deferredFilter]);
  const shown = useMemo(() => oneRowPerTransfer(matching), [matching]);
  const all = useMemo(() => oneRowPerTransfer(rows), [rows]);
  // One account's list shows its balance after each transaction, as a bank statement does.
  const account = useRecord(tally.accounts, deferredFilter.accountId || undefined);
  const balances = useMemo(
    () => (account ? runningBalances(rows, account.id, account.openingBalance) : undefined),
    [rows, account],
  );
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const filtered = matching !== rows;
  const count = !loaded
    ? words('loading')
    : filtered
      ? text.count('countFiltered', all.length, { shown: shown.length })
      : shared.count('transactions', all.length);
  return (
    <section className="screen" aria-labelledby="transactions-title">
      <div className="transactions__heading">
        <h1 id="transactions-title">{routes('transactions')}</h1>
        {/* Selecting serves only to delete or recategorise. */}
        {canEdit && (
          <button
            type="button"
            className="button"
            data-testid="select-transactions"
            aria-pressed={selected !== undefined}
            onClick={() => setSelected(selected ? undefined : new Set())}
          >
            {selected ? text('doneSelecting') : text('select')}
          </button>
        )}
      </div>
      <TransactionFilters filter={filter} onChange={setFilter} />
      {selected && <BulkActions selected={selected} onDone={() => setSelected(new Set())} onDeleted={onDeleted} />}
      <p className="count" data-testid="transaction-count" role="status">
        {count}
      </p>
      <TransactionList
        rows={shown}
        onOpen={onOpen}
        empty={filtered ? text('noMatches') : text('empty')}
        balances={balances}
        selected={selected}
        onToggle={toggle}
      />
    </section>
  );
}
