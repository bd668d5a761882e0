import type { CurrencyCode } from './currencies.js';

/** How one locale writes amounts of one currency, learned from Intl, in `normalizeMoneyText` form. */
export interface MoneyNotation {
  readonly decimals: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly minusSigns: ReadonlySet<string>;
  readonly plusSigns: ReadonlySet<string>;
  /** Currency symbols and codes, longest first so "US$" is tried before "$". */
  readonly markers: readonly string[];
  /** Each digit the locale writes (ASCII or native, such as Arabic-Indic) → its ASCII digit. */
  readonly digits: ReadonlyMap<string, string>;
}

// Direction marks (LRM, RLM, ALM, embeddings, isolates) steer display only; Arabic locales put
// them around signs and symbols, so they are dropped before reading.
const DIRECTION_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const APOSTROPHES = ["'", '\u2019'];
const NEGATIVE_SAMPLE = '-1234567.5';
const POSITIVE_SAMPLE = '1234567.5';
const DIGIT_SAMPLE = '1234567890';

const notations = new Map<string, MoneyNotation>();

/**
 * Compatibility-normalised (full-width digits and signs become ASCII, no-break spaces become
 * spaces) and stripped of direction marks, so typed and formatted text compare alike.
 */
export function normalizeMoneyText(text: string): string {
  return text.normalize('NFKC').replace(DIRECTION_MARKS, '');
}

export function isSpace(char: string): boolean {
  return /^\s$/u.test(char);
}

export function moneyNotation(locale: string, currency: CurrencyCode): MoneyNotation {
  const key = `${locale}\u0000${currency}`;
  let notation = notations.get(key);
  if (notation === undefined) {
    notation = learnNotation(locale, currency);
    notations.set(key, notation);
  }
  return notation;
}

function learnNotation(locale: string, currency: CurrencyCode): MoneyNotation {
  const digits = learnDigits(locale);
  const usesAsciiDigits = [...digits.keys()].every((digit) => /^[0-9]$/u.test(digit));
  // Where the locale's own digits are not ASCII (ar-EG), people also type ASCII digits with the
  // separators that go with them, so the locale's ASCII-digit form is read as well.
  const samples = usesAsciiDigits
    ? sampleParts(locale, currency)
    : [...sampleParts(locale, currency), ...sampleParts(asciiDigitLocale(locale), currency)];
  const parts = samples.map((part) => ({ type: part.type, value: normalizeMoneyText(part.value) }));
  const valuesOf = (type: Intl.NumberFormatPartTypes): string[] =>
    parts
      .filter((part) => part.type === type)
      .map((part) => part.value.trim())
      .filter((value) => value !== '');

  const decimals = new Set(valuesOf('decimal'));
  const groups = new Set(valuesOf('group').filter((group) => !decimals.has(group)));
  // de-CH groups with an apostrophe; people type either the straight or the curly one.
  if (APOSTROPHES.some((apostrophe) => groups.has(apostrophe))) {
    for (const apostrophe of APOSTROPHES) if (!decimals.has(apostrophe)) groups.add(apostrophe);
  }
  const markers = new Set([...valuesOf('currency'), currency, currency.toLowerCase()]);

  return {
    decimals,
    groups,
    minusSigns: new Set(['-', '\u2212', ...valuesOf('minusSign')]),
    plusSigns: new Set(['+', ...valuesOf('plusSign')]),
    markers: [...markers].sort((a, b) => b.length - a.length),
    digits,
  };
}

function asciiDigitLocale(locale: string): string {
  return new Intl.Locale(locale, { numberingSystem: 'latn' }).toString();
}

function sampleParts(locale: string, currency: CurrencyCode): Intl.NumberFormatPart[] {
  return [
    new Intl.NumberFormat(locale).formatToParts(NEGATIVE_SAMPLE),
    ...(['symbol', 'narrowSymbol', 'code'] as const).flatMap((currencyDisplay) => {
      const format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay,
        signDisplay: 'always',
        // Some currencies have no decimals in the platform's data (AFN); the sample needs one.
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      return [format.formatToParts(NEGATIVE_SAMPLE), format.formatToParts(POSITIVE_SAMPLE)];
    }),
  ].flat();
}

function learnDigits(locale: string): ReadonlyMap<string, string> {
  const digits = new Map<string, string>();
  for (const digit of DIGIT_SAMPLE) digits.set(digit, digit);
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  const native = [...normalizeMoneyText(format.format(DIGIT_SAMPLE))];
  if (native.length === DIGIT_SAMPLE.length) {
    for (const [index, char] of native.entries()) digits.set(char, DIGIT_SAMPLE.charAt(index));
  }
  return digits;
}
