import {
  type Account,
  type CurrencyCode,
  type DatedRate,
  type LedgerRecord,
  type Money,
  money,
  type RateTable,
  sumMoney,
} from '@tally/schema';

/** An account's balance in the home currency: the same money, converted with the rate used, or not convertible. */
export type InHome =
  | { readonly kind: 'same' }
  | { readonly kind: 'converted'; readonly money: Money; readonly rate: DatedRate }
  | { readonly kind: 'no-rate'; readonly from: CurrencyCode; readonly to: CurrencyCode };

export interface AccountValue {
  readonly account: LedgerRecord<Account>;
  readonly balance: Money;
  /** Null while the ledger has no home currency. */
  readonly inHome: InHome | null;
}

export interface NetWorth {
  /** The open accounts that convert, added up in the home currency. */
  readonly total: Money;
  /** Open accounts no rate converts: named on screen, never silently left out of the total. */
  readonly unconverted: readonly LedgerRecord<Account>[];
}

export interface AccountValues {
  readonly values: readonly AccountValue[];
  /** Undefined while the ledger has no home currency. */
  readonly netWorth: NetWorth | undefined;
}

/**
 * Every account's balance in its own currency and in the home currency on `day`, converted with
 * the rate in force that day (the latest entered on or before it, either way round) and rounded
 * once, half to even (REC9). Archived accounts are closed, so net worth counts the open ones.
 */
export function accountValues(
  accounts: readonly LedgerRecord<Account>[],
  balances: ReadonlyMap<string, Money>,
  rates: RateTable,
  home: CurrencyCode | null,
  day: string,
): AccountValues {
  const values = accounts.map((account): AccountValue => {
    const balance = balances.get(account.id) ?? money(account.openingBalance, account.currency);
    return { account, balance, inHome: home === null ? null : inHomeCurrency(balance, rates, home, day) };
  });
  if (home === null) return { values, netWorth: undefined };
  const open = values.filter((value) => !value.account.archived);
  const counted = open.flatMap((value) => {
    if (value.inHome?.kind === 'same') return [value.balance];
    return value.inHome?.kind === 'converted' ? [value.inHome.money] : [];
  });
  const unconverted = open.filter((value) => value.inHome?.kind === 'no-rate').map((value) => value.account);
  return { values, netWorth: { total: sumMoney(counted, home), unconverted } };
}

function inHomeCurrency(balance: Money, rates: RateTable, home: CurrencyCode, day: string): InHome {
  if (balance.currency === home) return { kind: 'same' };
  const conversion = rates.convert(balance, home, day);
  // No rate on or before the day, or one so absurd the result overflows: either way, not a guess.
  if (!conversion.ok) return { kind: 'no-rate', from: balance.currency, to: home };
  return { kind: 'converted', money: conversion.money, rate: conversion.rate };
}

/**
 * Per account, how many transactions its balance leaves out because their currency is no longer
 * the account's (its currency was changed on another device meanwhile); the screen points them out.
 */
export function mismatchedByAccount(
  mismatched: readonly { readonly accountId: string }[],
): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const { accountId } of mismatched) counts.set(accountId, (counts.get(accountId) ?? 0) + 1);
  return counts;
}
