import { type CurrencyCode, currencyCode, minorUnitDigits } from './currencies.js';
import { checkedAmount, type Money, money } from './money.js';
import { MoneyError } from './money-error.js';

/**
 * How many units of `to` one unit of `from` buys, as an exact decimal string ("1.0834"), never
 * a float. One rate converts both ways: `to` amounts convert back by dividing, exactly.
 */
export interface ExchangeRate {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly rate: string;
}

const RATE_PATTERN = /^(\d{1,9})(?:\.(\d{1,12}))?$/;

/** A rate as an integer and a decimal scale: "1.0834" → 10834 / 10^4. Undefined unless positive. */
export function parseRate(text: string): { readonly units: bigint; readonly scale: number } | undefined {
  const match = RATE_PATTERN.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const units = BigInt(`${match[1]}${fraction}`);
  return units > 0n ? { units, scale: fraction.length } : undefined;
}

/** Divides exactly, rounding the one final result half to even (banker's rounding). */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * Converts `amount` with `rate`, either way round: from `rate.from` into `rate.to` by
 * multiplying, from `rate.to` into `rate.from` by dividing. The exact result is rounded once,
 * half to even, into the target currency's minor units.
 */
export function convertMoney(amount: Money, rate: ExchangeRate): Money {
  const parsed = parseRate(rate.rate);
  if (!parsed) throw new MoneyError('invalid-rate', `"${rate.rate}" is not a positive exchange rate`);
  const from = currencyCode(rate.from);
  const to = currencyCode(rate.to);
  const forward = amount.currency === from;
  if (!forward && amount.currency !== to) {
    throw new MoneyError('currency-mismatch', `a ${from}→${to} rate cannot convert ${amount.currency}`);
  }
  const target = forward ? to : from;
  const sourceScale = 10n ** BigInt(minorUnitDigits(amount.currency));
  const targetScale = 10n ** BigInt(minorUnitDigits(target));
  const rateScale = 10n ** BigInt(parsed.scale);
  const minor = BigInt(checkedAmount(amount.amount));
  const converted = forward
    ? divideHalfEven(minor * parsed.units * targetScale, sourceScale * rateScale)
    : divideHalfEven(minor * rateScale * targetScale, sourceScale * parsed.units);
  if (converted > BigInt(Number.MAX_SAFE_INTEGER) || converted < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('overflow', `${amount.amount} ${amount.currency} converts beyond the safe range of ${target}`);
  }
  return money(Number(converted), target);
}
