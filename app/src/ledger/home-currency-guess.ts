import { type CurrencyCode, currencyCode, isCurrencyCode } from '@tally/schema';

const DOLLAR = currencyCode('USD');

/** The euro's countries and territories (Bulgaria's since 2026). */
const EURO = 'AD AT BE BG CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL PT SI SK SM VA XK';

/** The West and Central African CFA francs' countries. */
const WEST_AFRICAN_FRANC = 'BF BJ CI GW ML NE SN TG';
const CENTRAL_AFRICAN_FRANC = 'CF CG CM GA GQ TD';

/** Codes of funds and units of account, never the money people keep: CHE beside CHF, USN beside USD. */
const NOT_MONEY = new Set(['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED']);

/** Each region's currency where it is not its own region code plus a letter (most are: US → USD). */
const BY_REGION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO.split(' ').map((region) => [region, 'EUR'])),
  ...Object.fromEntries(WEST_AFRICAN_FRANC.split(' ').map((region) => [region, 'XOF'])),
  ...Object.fromEntries(CENTRAL_AFRICAN_FRANC.split(' ').map((region) => [region, 'XAF'])),
  EC: 'USD',
  SV: 'USD',
  PA: 'USD',
  PR: 'USD',
  LI: 'CHF',
  GL: 'DKK',
  FO: 'DKK',
};

/**
 * The home currency a person in `locale` most likely keeps their money in: from the locale's
 * region, or the region its language is mostly spoken in ("de" → Germany → EUR). ISO 4217 codes
 * begin with the region's ISO 3166 code for most currencies (US → USD, MX → MXN, CH → CHF).
 */
export function guessHomeCurrency(locale: string, knownCodes: readonly CurrencyCode[]): CurrencyCode {
  const region = regionOf(locale);
  if (region === undefined) return DOLLAR;
  const listed = BY_REGION[region];
  if (listed !== undefined && isCurrencyCode(listed)) return listed;
  const byPrefix = knownCodes.filter((code) => code.startsWith(region) && !NOT_MONEY.has(code));
  return (byPrefix.length === 1 ? byPrefix[0] : undefined) ?? DOLLAR;
}

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** False for a fund or unit of account (CHE, USN, CLF…): money people keep is never counted in one. */
export function isCirculatingCurrency(code: string): boolean {
  return !NOT_MONEY.has(code);
}
