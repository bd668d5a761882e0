import { type Account, type CurrencyCode, isCurrencyCode } from '@tally/schema';

/**
 * The currency budgets, goals and reports are shown in: the ledger's home currency, or until one
 * is chosen the currency most open accounts hold (first in code order on a tie), so a
 * one-currency ledger needs no setup.
 */
export function displayCurrency(
  home: string | null,
  accounts: readonly Pick<Account, 'currency' | 'archived'>[],
): CurrencyCode | null {
  if (home !== null && isCurrencyCode(home)) return home;
  const counts = new Map<CurrencyCode, number>();
  for (const account of accounts)
    if (!account.archived) counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  const [first] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  return first?.[0] ?? null;
}
