import type { Account, CurrencyCode, DatedRate, LedgerRecord, RateTable } from '@tally/schema';

export type RateStatus =
  | { readonly kind: 'home' }
  | { readonly kind: 'rate'; readonly rate: DatedRate }
  | { readonly kind: 'no-rate' }
  | { readonly kind: 'no-home' };

export interface CurrencyUse {
  readonly currency: CurrencyCode;
  readonly accounts: number;
  /** Whether a rate converts this currency into the home currency on the day asked about. */
  readonly status: RateStatus;
}

/** The currencies the accounts use, in code order, each with the rate that converts it home on `day`, if any. */
export function currencyUsage(
  accounts: readonly LedgerRecord<Account>[],
  rates: RateTable,
  home: CurrencyCode | null,
  day: string,
): CurrencyUse[] {
  const counts = new Map<CurrencyCode, number>();
  for (const account of accounts) counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, count]) => ({ currency, accounts: count, status: statusOf(currency, rates, home, day) }));
}

function statusOf(currency: CurrencyCode, rates: RateTable, home: CurrencyCode | null, day: string): RateStatus {
  if (home === null) return { kind: 'no-home' };
  if (currency === home) return { kind: 'home' };
  const found = rates.rateOn(day, currency, home);
  return found ? { kind: 'rate', rate: found.rate } : { kind: 'no-rate' };
}
