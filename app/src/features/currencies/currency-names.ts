import { CURRENCY_CODES, type CurrencyCode, isCurrencyCode } from '@tally/schema';
import { isCirculatingCurrency } from '../../ledger/index.js';

const namers = new Map<string, Intl.DisplayNames>();

/** The currency's name in `locale`: "Euro", "Dólar estadounidense"; the code itself where Intl has no name. */
export function currencyName(code: string, locale: string): string {
  let namer = namers.get(locale);
  if (namer === undefined) {
    namer = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
    namers.set(locale, namer);
  }
  return namer.of(code) ?? code;
}

/**
 * The currencies people keep money in, with their names in `locale`, in name order: funds and
 * units of account (CHE, USN, CLF…) are left out, except `keep` — a value already chosen still
 * reads, whatever it is.
 */
export function currencyChoices(
  locale: string,
  keep?: string,
): { readonly code: CurrencyCode; readonly name: string }[] {
  const collator = new Intl.Collator(locale);
  return CURRENCY_CODES.filter((code) => isCirculatingCurrency(code) || code === keep)
    .concat(keep !== undefined && isCurrencyCode(keep) && !CURRENCY_CODES.includes(keep) ? [keep] : [])
    .map((code) => ({ code, name: currencyName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
