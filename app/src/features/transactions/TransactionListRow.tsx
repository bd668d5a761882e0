import { memo } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useRecord } from '../../ledger/index.js';
import type { TransactionRow } from '../../storage/index.js';
import { useLocale } from '../../i18n/index.js';
import { formatDay } from '../../ui/locale.js';
import { Money } from '../../ui/Money.js';

interface TransactionListRowProps {
  readonly row: TransactionRow;
  readonly top: number;
  readonly height: number;
  readonly onOpen: (id: string) => void;
}

/** One transaction in the list; it renders again only when the transaction, its place, its account or its category changes. */
export const TransactionListRow = memo(function TransactionListRow({ row, top, height, onOpen }: TransactionListRowProps) {
  const tally = useTally();
  const locale = useLocale();
  const account = useRecord(tally.accounts, row.accountId);
  const category = useRecord(tally.categories, row.categoryId);
  const detail = [formatDay(row.date, locale), account?.name, category?.name].filter(Boolean).join(' · ');
  return (
    <li
      className="transaction-row"
      data-testid="transaction-row"
      data-id={row.id}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <button type="button" className="transaction-row__button" onClick={() => onOpen(row.id)}>
        <span className="transaction-row__main">
          <span className="transaction-row__payee" data-testid="tx-payee">
            {row.payee || (row.transferId ? 'Transfer' : 'No payee')}
          </span>
          <span className="transaction-row__detail">{detail}</span>
        </span>
        <Money amount={row.amount} currency={row.currency} testId="tx-amount" />
      </button>
    </li>
  );
});
