import { money, type Money } from '../money/index.js';
import type { Account, Transaction } from '../records/index.js';

export interface AccountBalances {
  readonly balances: ReadonlyMap<string, Money>;
  /**
   * Transactions left out because their currency is no longer their account's (the account's
   * currency was changed on another device meanwhile); the UI should point them out.
   */
  readonly mismatched: readonly Pick<Transaction, 'accountId' | 'amount' | 'currency'>[];
}

/** Each account's balance: its opening balance plus every live transaction in it, exactly. */
export function accountBalances(
  accounts: readonly (Pick<Account, 'currency' | 'openingBalance'> & { readonly id: string })[],
  transactions: readonly Pick<Transaction, 'accountId' | 'amount' | 'currency'>[],
): AccountBalances {
  const currencies = new Map(accounts.map((account) => [account.id, account.currency]));
  const totals = new Map<string, number>(accounts.map((account) => [account.id, account.openingBalance]));
  const mismatched: Pick<Transaction, 'accountId' | 'amount' | 'currency'>[] = [];
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
