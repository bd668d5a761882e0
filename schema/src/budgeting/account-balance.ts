import { type Money, money } from '../money/index.js';
import type { Account } from '../records/index.js';

/** What a balance needs of a transaction; its currency as text, so derived rows serve as well as records. */
export type BalanceEntry = { readonly accountId: string; readonly amount: number; readonly currency: string };

export interface AccountBalances {
  readonly balances: ReadonlyMap<string, Money>;
  /**
   * Transactions left out because their currency is no longer their account's (the account's
   * currency was changed on another device meanwhile); the UI should point them out.
   */
  readonly mismatched: readonly BalanceEntry[];
}

/** Each account's balance: its opening balance plus every live transaction in it, exactly. */
export function accountBalances(
  accounts: readonly (Pick<Account, 'currency' | 'openingBalance'> & { readonly id: string })[],
  transactions: readonly BalanceEntry[],
): AccountBalances {
  const currencies = new Map(accounts.map((account) => [account.id, account.currency]));
  const totals = new Map<string, number>(accounts.map((account) => [account.id, account.openingBalance]));
  const mismatched: BalanceEntry[] = [];
  for (const transaction of transactions) {
    const currency = currencies.get(transaction.accountId);
    if (currency === undefined) continue;
    if (currency !== transaction.currency) mismatched.push(transaction);
    else totals.set(transaction.accountId, (totals.get(transaction.accountId) ?? 0) + transaction.amount);
  }
  return {
    balances: new Map(accounts.map((account) => [account.id, money(totals.get(account.id) ?? 0, account.currency)])),
    mismatched,
  };
}
