import { money, type Account, type LedgerRecord, type Money } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

export interface AccountBalances {
  /** Each account's opening balance plus every live transaction in it, exactly, in its own currency. */
  readonly balances: ReadonlyMap<string, Money>;
  /**
   * Per account, how many transactions are left out because their currency is no longer the
   * account's (its currency was changed on another device meanwhile); the screen points them out.
   */
  readonly mismatched: ReadonlyMap<string, number>;
}

export function accountBalances(accounts: readonly LedgerRecord<Account>[], rows: readonly TransactionRow[]): AccountBalances {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const totals = new Map<string, number>(accounts.map((account) => [account.id, account.openingBalance]));
  const mismatched = new Map<string, number>();
  for (const row of rows) {
    const account = byId.get(row.accountId);
    if (account === undefined) continue;
    if (row.currency !== account.currency) mismatched.set(account.id, (mismatched.get(account.id) ?? 0) + 1);
    else totals.set(account.id, (totals.get(account.id) ?? 0) + row.amount);
  }
  const balances = new Map(accounts.map((account) => [account.id, money(totals.get(account.id) ?? 0, account.currency)]));
  return { balances, mismatched };
}
