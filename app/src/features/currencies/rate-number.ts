/**
 * A stored rate ("1.0842") as `locale` writes numbers ("1,0842" in German), every digit kept.
 * Without grouping it reads back through `readRateText` unchanged, as an edited field needs.
 */
export function formatRateNumber(
  rate: string,
  locale: string,
  options: { readonly useGrouping?: boolean } = {},
): string {
  if (!isNumeral(rate)) return rate;
  const digits = rate.split('.')[1]?.length ?? 0;
  const formatter = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: options.useGrouping ?? true,
  });
  // A numeral string, not a number: Intl keeps every digit of it, so nothing is rounded.
  return formatter.format(rate);
}

function isNumeral(text: string): text is `${number}` {
  return /^\d+(?:\.\d+)?$/u.test(text);
}
