import { type SplitPart, sharesAddUp } from '@tally/schema';
import { memo } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { useRecord, useRecords } from '../../ledger/index.js';
import type { TransactionRow } from '../../storage/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { formatDay, Money, RowButton } from '../../ui/index.js';
import { AttachmentMark } from '../attachments/index.js';
import { transactionsMessages } from './messages.js';
import { partsTotal } from './split-draft.js';
import { TransactionTitle } from './TransactionTitle.js';

interface TransactionListRowProps {
  readonly row: TransactionRow;
  readonly top: number;
  readonly height: number;
  readonly onOpen: (id: string) => void;
  /** The account's balance after this transaction, in a list of one account. */
  readonly balance?: number | undefined;
  /** Whether it is chosen, while the list is choosing rows; undefined otherwise. */
  readonly selected?: boolean | undefined;
  readonly onToggle: (id: string) => void;
}

/** One transaction in the list; it renders again only when the transaction, its place, its account or its categories change. */
export const TransactionListRow = memo(function TransactionListRow({
  row,
  top,
  height,
  onOpen,
  balance,
  selected,
  onToggle,
}: TransactionListRowProps) {
  const tally = useTally();
  const canEdit = useCanEdit();
  const locale = useLocale();
  const text = useText(transactionsMessages);
  const account = useRecord(tally.accounts, row.accountId);
  const category = useRecord(tally.categories, row.categoryId);
  const transfer = row.transferId !== null;
  const detail = [formatDay(row.date, locale), transfer ? row.payee : account?.name, category?.name]
    .filter(Boolean)
    .join(' · ');
  const content = (
    <>
      <span className="transaction-row__main">
        <span className="transaction-row__payee" data-testid="tx-payee">
          <TransactionTitle row={row} />
        </span>
        <span className="transaction-row__detail">
          {detail}
          {row.splits.length > 0 && (
            <SplitSummary parts={row.splits} balanced={partsTotal(row.splits) === BigInt(row.amount)} />
          )}
          {row.shares.length > 0 && <SharesSummary row={row} />}
          {row.tags.length > 0 && (
            <span className="transaction-row__tags" data-testid="tx-tags">
              {row.tags.map((tag) => ` #${tag}`).join('')}
            </span>
          )}
          {row.attachments.length > 0 && <AttachmentMark attachments={row.attachments} />}
        </span>
      </span>
      <span className="transaction-row__amounts">
        <Money amount={row.amount} currency={row.currency} testId="tx-amount" />
        {balance !== undefined && <Balance amount={balance} currency={row.currency} />}
      </span>
    </>
  );
  return (
    <li
      className="transaction-row"
      data-testid="transaction-row"
      data-id={row.id}
      data-transfer={transfer}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      {selected === undefined ? (
        <RowButton opens={canEdit} className="transaction-row__button" onClick={() => onOpen(row.id)}>
          {content}
        </RowButton>
      ) : (
        <label className="transaction-row__button transaction-row__choice">
          <input
            type="checkbox"
            data-testid="tx-select"
            checked={selected}
            onChange={() => onToggle(row.id)}
            aria-label={text('selectRow', { title: row.payee || formatDay(row.date, locale) })}
          />
          {content}
        </label>
      )}
    </li>
  );
});

/** The running balance, shown smaller under the amount; a screen reader hears what it is. */
function Balance({ amount, currency }: { readonly amount: number; readonly currency: string }) {
  const text = useText(transactionsMessages);
  return (
    <span className="transaction-row__balance" data-testid="tx-balance" data-amount={amount}>
      <span className="visually-hidden">{text('balance')}</span>
      <Money amount={amount} currency={currency} />
    </span>
  );
}

/** Says the transaction is split, and into which categories; says so too when its parts no longer add up (REC7). */
function SplitSummary({ parts, balanced }: { readonly parts: readonly SplitPart[]; readonly balanced: boolean }) {
  const text = useText(transactionsMessages);
  return (
    <>
      {' · '}
      <span data-testid="tx-split" data-balanced={balanced}>
        {balanced ? text('split') : text('splitUnbalanced')}
      </span>
      {': '}
      <span data-testid="tx-split-categories">
        {parts.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: split parts have no id of their own, and this list only displays them.
          <PartCategory key={index} categoryId={part.categoryId} last={index === parts.length - 1} />
        ))}
      </span>
    </>
  );
}

/** Says who shares the transaction; says so too when its exact shares no longer add up (SHR3). */
function SharesSummary({ row }: { readonly row: TransactionRow }) {
  const text = useText(transactionsMessages);
  const people = useRecords(useTally().people);
  const names = row.shares.map((share) => people.find((person) => person.id === share.personId)?.name ?? '?');
  const balanced = sharesAddUp(row);
  const words = { people: new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(names) };
  return (
    <>
      {' · '}
      <span data-testid="tx-shares" data-balanced={balanced}>
        {balanced ? text('shared', words) : text('sharedUnbalanced', words)}
      </span>
    </>
  );
}

function PartCategory({ categoryId, last }: { readonly categoryId: string; readonly last: boolean }) {
  const tally = useTally();
  const category = useRecord(tally.categories, categoryId);
  return (
    <>
      {category?.name}
      {!last && ', '}
    </>
  );
}
