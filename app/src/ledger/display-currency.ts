import { type Account, type CurrencyCode, isCurrencyCode } from '@tally/schema';

/**
 * The currency totals, budgets, goals and reports are shown in: the ledger's home currency once
 * chosen; until then the currency every open account holds when they share one, else
 * `localCurrency` (the one the person's locale suggests), so nobody is asked before seeing a total.
 * Without `localCurrency`, mixed accounts fall back to the currency most of them hold (first in
 * code order on a tie); with no account at all and no local currency, null.
 */
export function displayCurrency(
  home: string | null,
  accounts: readonly Pick<Account, 'currency' | 'archived'>[],
  localCurrency: CurrencyCode | null = null,
): CurrencyCode | null {
  if (home !== null && isCurrencyCode(home)) return home;
  const counts = new Map<CurrencyCode, number>();
  for (const account of accounts)
    if (!account.archived) counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  const [first] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  if (counts.size === 1 || localCurrency === null) return first?.[0] ?? localCurrency;
  return localCurrency;
}
