import { CURRENCY_CODES, type CurrencyCode } from '@tally/schema';

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

/** Every currency Tally knows, with its name in `locale`, in code order. */
export function currencyChoices(locale: string): { readonly code: CurrencyCode; readonly name: string }[] {
  return CURRENCY_CODES.map((code) => ({ code, name: currencyName(code, locale) }));
}
