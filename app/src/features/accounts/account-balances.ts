import type { Account, LedgerRecord } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

/** Each account's balance in minor units: its opening balance plus every live transaction. */
export function accountBalances(accounts: readonly LedgerRecord<Account>[], rows: readonly TransactionRow[]): Map<string, number> {
  const balances = new Map<string, number>(accounts.map((account) => [account.id, account.openingBalance]));
  for (const row of rows) {
    const balance = balances.get(row.accountId);
    if (balance !== undefined) balances.set(row.accountId, balance + row.amount);
  }
  return balances;
}
