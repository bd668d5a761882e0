import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TransactionRow } from '../../storage/index.js';
import { TransactionListRow } from './TransactionListRow.js';

interface TransactionListProps {
  readonly rows: readonly TransactionRow[];
  readonly onOpen: (id: string) => void;
  /** What to say when there is no row to show. */
  readonly empty: string;
}

const ROW_HEIGHT = 60;

/** Only the rows in view are in the DOM, so 100,000 transactions scroll like 100. */
export function TransactionList({ rows, onOpen, empty }: TransactionListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="transactions-empty">
        {empty}
      </p>
    );
  }
  return (
    <div className="transaction-list" ref={scroller} data-testid="transaction-list">
      <ul className="transaction-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            row && <TransactionListRow key={item.key} row={row} top={item.start} height={ROW_HEIGHT} onOpen={onOpen} />
          );
        })}
      </ul>
    </div>
  );
}
