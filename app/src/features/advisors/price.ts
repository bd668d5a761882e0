import type { SessionPrice } from '../../sync/index.js';

/** A session's price in the person's locale: `€40.00`, or undefined for a free session. */
export function priceText(price: SessionPrice | null, locale: string): string | undefined {
  if (price === null) return undefined;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(price.amountMinor / 10 ** digits);
}
