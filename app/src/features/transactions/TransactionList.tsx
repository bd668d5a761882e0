import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { TransactionRow } from '../../storage/index.js';
import { TransactionListRow } from './TransactionListRow.js';

interface TransactionListProps {
  readonly rows: readonly TransactionRow[];
  readonly onOpen: (id: string) => void;
  /** What to say when there is no row to show. */
  readonly empty: string;
  /** The account's balance after each row, when the list is one account's. */
  readonly balances?: ReadonlyMap<string, number> | undefined;
  /** The rows chosen for a bulk change, while choosing; undefined otherwise. */
  readonly selected?: ReadonlySet<string> | undefined;
  readonly onToggle: (id: string) => void;
}

const ROW_HEIGHT = 60;

/**
 * Only the rows in view are in the DOM, so 100,000 transactions scroll like 100. The list scrolls
 * with the page, so it fills the screen below the filters. Rows are keyed by their place in the
 * list: a new filter then updates the rows in view instead of replacing them, and the virtualizer
 * does not look up 100,000 ids to lay them out.
 */
export const TransactionList = memo(function TransactionList({
  rows,
  onOpen,
  empty,
  balances,
  selected,
  onToggle,
}: TransactionListProps) {
  const list = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts on the page moves when the filters open or a notice shows above it.
  useLayoutEffect(() => {
    const top = list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0;
    if (top !== offset) setOffset(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: offset,
  });

  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="transactions-empty">
        {empty}
      </p>
    );
  }
  return (
    <ul
      className="transaction-list"
      ref={list}
      data-testid="transaction-list"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        return (
          row && (
            <TransactionListRow
              key={item.key}
              row={row}
              top={item.start - offset}
              height={ROW_HEIGHT}
              onOpen={onOpen}
              balance={balances?.get(row.id)}
              selected={selected?.has(row.id)}
              onToggle={onToggle}
            />
          )
        );
      })}
    </ul>
  );
});
