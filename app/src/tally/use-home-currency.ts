import { CURRENCY_CODES, type CurrencyCode } from '@tally/schema';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLocale } from '../i18n/index.js';
import { displayCurrency, guessHomeCurrency, useRecords } from '../ledger/index.js';
import { useTally } from './tally-context.js';

/**
 * The home currency someone chose for the ledger, or null while nobody has. It is a setting every
 * device shares (REC9), so this renders again when a change arrives from another device.
 */
export function useChosenHomeCurrency(): CurrencyCode | null {
  const { ledger } = useTally();
  const subscribe = useCallback((listener: () => void) => ledger.onChange(listener), [ledger]);
  const read = useCallback(() => ledger.homeCurrency, [ledger]);
  return useSyncExternalStore(subscribe, read);
}

/**
 * The home currency totals are shown in: the one chosen, else the accounts' currency when they all
 * share one, else the one the person's locale suggests — never a question before a total.
 */
export function useHomeCurrency(): CurrencyCode {
  const tally = useTally();
  const chosen = useChosenHomeCurrency();
  const accounts = useRecords(tally.accounts);
  const locale = useLocale();
  const local = useMemo(() => guessHomeCurrency(locale, CURRENCY_CODES), [locale]);
  return displayCurrency(chosen, accounts, local) ?? local;
}
