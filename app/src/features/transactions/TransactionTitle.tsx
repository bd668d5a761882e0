import { useText } from '../../i18n/index.js';
import { useRecord } from '../../ledger/index.js';
import type { TransactionRow } from '../../storage/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { transactionsMessages } from './messages.js';

/** What a transaction is called in a list: its payee, or for a transfer the accounts it goes between. */
export function TransactionTitle({ row }: { readonly row: TransactionRow }) {
  const words = useText(formMessages);
  if (row.transferId !== null) return <TransferTitle row={row} transferId={row.transferId} />;
  return <>{row.payee || words('noPayee')}</>;
}

function TransferTitle({ row, transferId }: { readonly row: TransactionRow; readonly transferId: string }) {
  const tally = useTally();
  const text = useText(transactionsMessages);
  const shared = useText(wordMessages);
  const otherAccountId = tally.ledger.transactions.get(transferId)?.accountId;
  const here = useRecord(tally.accounts, row.accountId)?.name ?? '';
  const there = useRecord(tally.accounts, otherAccountId ?? '')?.name ?? '';
  if (otherAccountId === undefined) return <>{row.payee || shared('transfer')}</>;
  return (
    <>
      {row.amount < 0
        ? text('transferBetween', { from: here, to: there })
        : text('transferBetween', { from: there, to: here })}
    </>
  );
}
