import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useRecords } from '../../ledger/index.js';
import type { TransactionRow } from '../../storage/index.js';
import { formatDay } from '../../ui/locale.js';
import { Money } from '../../ui/Money.js';

interface TransactionListProps {
  readonly rows: readonly TransactionRow[];
  readonly onOpen: (id: string) => void;
}

const ROW_HEIGHT = 60;

/** Only the rows in view are in the DOM, so 100,000 transactions scroll like 100. */
export function TransactionList({ rows, onOpen }: TransactionListProps) {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const categories = useRecords(tally.categories);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const nameOf = (list: readonly { id: string; name: string }[], id: string | null) => list.find((item) => item.id === id)?.name;

  if (rows.length === 0) {
    return <p className="empty">No transactions here yet.</p>;
  }
  return (
    <div className="transaction-list" ref={scroller} data-testid="transaction-list">
      <ul className="transaction-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const detail = [formatDay(row.date), nameOf(accounts, row.accountId), nameOf(categories, row.categoryId)];
          return (
            <li
              key={item.key}
              className="transaction-row"
              data-testid="transaction-row"
              data-id={row.id}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <button type="button" className="transaction-row__button" onClick={() => onOpen(row.id)}>
                <span className="transaction-row__main">
                  <span className="transaction-row__payee" data-testid="tx-payee">
                    {row.payee || (row.transferId ? 'Transfer' : 'No payee')}
                  </span>
                  <span className="transaction-row__detail">{detail.filter(Boolean).join(' · ')}</span>
                </span>
                <Money amount={row.amount} currency={row.currency} testId="tx-amount" />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
