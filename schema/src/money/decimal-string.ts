import { minorUnitDigits } from './currencies.js';
import { checkedAmount, type Money } from './money.js';

/** A plain decimal numeral such as "-1234.05", the exact form Intl.NumberFormat accepts. */
export type DecimalString = `${number}`;

const DECIMAL_NUMERAL = /^-?\d+(?:\.\d+)?$/;

/**
 * The amount in major units as an exact decimal string, built from the integer's digits:
 * USD 123405 → "1234.05", JPY -500 → "-500", KWD 5 → "0.005".
 */
export function toDecimalString(m: Money): DecimalString {
  const digits = minorUnitDigits(m.currency);
  const amount = checkedAmount(m.amount);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const text = digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${units.slice(-digits)}`;
  // Holds for every safe integer; the check is what lets the type say so.
  if (!isDecimalString(text)) throw new TypeError(`"${text}" is not a decimal numeral`);
  return text;
}

function isDecimalString(text: string): text is DecimalString {
  return DECIMAL_NUMERAL.test(text);
}
