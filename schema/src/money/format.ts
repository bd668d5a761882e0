import { minorUnitDigits } from './currencies.js';
import { toDecimalString } from './decimal-string.js';
import type { Money } from './money.js';

export interface FormatMoneyOptions {
  readonly display?: 'symbol' | 'code' | 'narrowSymbol';
  readonly signDisplay?: 'auto' | 'always' | 'exceptZero';
}

export interface FormatAmountOptions {
  readonly signDisplay?: 'auto' | 'always' | 'exceptZero';
  readonly useGrouping?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * `m` as the user's locale writes money: `formatMoney(money(-123405, 'USD'), 'en-US')` is
 * "-$1,234.05". Always shows exactly the currency's minor digits; never rounds.
 */
export function formatMoney(m: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const display = options.display ?? 'symbol';
  const signDisplay = options.signDisplay ?? 'auto';
  const key = ['money', locale, m.currency, display, signDisplay].join('\u0000');
  const formatter = cached(key, () => {
    const digits = minorUnitDigits(m.currency);
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: m.currency,
      currencyDisplay: display,
      signDisplay,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  });
  // A decimal string, not a number: Intl keeps every digit of it, so nothing is rounded.
  return formatter.format(toDecimalString(m));
}

/** The number alone, without a currency, as an input field shows it: "1,234.05", "1.234,05". */
export function formatAmount(m: Money, locale: string, options: FormatAmountOptions = {}): string {
  const signDisplay = options.signDisplay ?? 'auto';
  const useGrouping = options.useGrouping ?? true;
  const key = ['amount', locale, m.currency, signDisplay, String(useGrouping)].join('\u0000');
  const formatter = cached(key, () => {
    const digits = minorUnitDigits(m.currency);
    return new Intl.NumberFormat(locale, {
      style: 'decimal',
      signDisplay,
      useGrouping,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  });
  return formatter.format(toDecimalString(m));
}

function cached(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}
