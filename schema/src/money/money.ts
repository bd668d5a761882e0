import { type CurrencyCode, currencyCode } from './currencies.js';
import { MoneyError } from './money-error.js';

/**
 * An amount of money: a whole number of minor units (cents for USD, yen for JPY, fils for KWD)
 * and its currency. Never a float (SPEC REC2).
 */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export function money(amount: number, currency: string): Money {
  return exactResult(checkedAmount(amount), currencyCode(currency));
}

export function addMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b, 'add');
  return exactResult(checkedAmount(a.amount) + checkedAmount(b.amount), currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b, 'subtract');
  return exactResult(checkedAmount(a.amount) - checkedAmount(b.amount), currency);
}

export function negateMoney(m: Money): Money {
  return exactResult(-checkedAmount(m.amount), currencyCode(m.currency));
}

/**
 * The exact total of `items`, all in `currency`; zero for an empty list. The result does not
 * depend on the order of `items`: only the total has to be a safe integer, not every running sum.
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  const code = currencyCode(currency);
  let total = 0;
  for (const item of items) {
    requireCurrency(item, code, 'sum');
    total += checkedAmount(item.amount);
    if (!Number.isSafeInteger(total)) return sumBeyondSafeRange(items, code);
  }
  return exactResult(total, code);
}

/** -1, 0 or 1, for sorting; amounts in different currencies are not comparable. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compare');
  const left = checkedAmount(a.amount);
  const right = checkedAmount(b.amount);
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

// A running sum left the safe range, so finish in BigInt, where every sum is exact.
function sumBeyondSafeRange(items: readonly Money[], code: CurrencyCode): Money {
  let total = 0n;
  for (const item of items) {
    requireCurrency(item, code, 'sum');
    total += BigInt(checkedAmount(item.amount));
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw overflow(total.toString(), code);
  }
  return exactResult(Number(total), code);
}

/** `amount` itself when it is a safe integer; otherwise a MoneyError saying what is wrong. */
export function checkedAmount(amount: number): number {
  if (!Number.isInteger(amount)) {
    throw new MoneyError('not-integer', `an amount must be a whole number of minor units, got ${String(amount)}`);
  }
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError(
      'unsafe-integer',
      `an amount must lie within ±${Number.MAX_SAFE_INTEGER} minor units, got ${String(amount)}`,
    );
  }
  return amount;
}

// Two safe integers add and subtract exactly whenever the true result is itself safe; if it is
// not, the rounded float is not safe either, so this one check catches every overflow.
function exactResult(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw overflow(String(amount), currency);
  return Object.freeze({ amount: amount === 0 ? 0 : amount, currency });
}

function sameCurrency(a: Money, b: Money, action: string): CurrencyCode {
  const currency = currencyCode(a.currency);
  requireCurrency(b, currency, action);
  return currency;
}

function requireCurrency(m: Money, currency: CurrencyCode, action: string): void {
  if (m.currency !== currency) {
    throw new MoneyError(
      'currency-mismatch',
      `cannot ${action} ${m.currency} and ${currency} amounts; convert them to one currency first`,
    );
  }
}

function overflow(total: string, currency: CurrencyCode): MoneyError {
  return new MoneyError(
    'overflow',
    `the result, about ${total} ${currency} minor units, is beyond ±${Number.MAX_SAFE_INTEGER}`,
  );
}
