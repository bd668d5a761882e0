import type { CurrencyCode } from './currencies.js';
import { convertMoney, type ExchangeRate } from './exchange-rate.js';
import { type Money, money } from './money.js';
import { MoneyError } from './money-error.js';

/** A rate the user entered for a day; it holds from that day until a later one replaces it. */
export interface DatedRate extends ExchangeRate {
  readonly date: string;
}

export type Conversion =
  | { readonly ok: true; readonly money: Money; readonly rate: DatedRate; readonly inverted: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * Finds the rate in force on a day: the latest entered on or before it, in either direction
 * (a EUR→USD rate also converts USD to EUR). Lookups are binary searches, so converting every
 * transaction of a large ledger for a report stays fast.
 */
export class RateTable {
  private readonly byPair = new Map<string, DatedRate[]>();

  constructor(rates: Iterable<DatedRate>) {
    for (const rate of rates) {
      const key = `${rate.from}>${rate.to}`;
      const list = this.byPair.get(key) ?? [];
      list.push(rate);
      this.byPair.set(key, list);
    }
    // Two rates of one pair on one date are ordered by their text too: replicas list a ledger's
    // records in the order they heard them, and must all convert with the same one.
    for (const list of this.byPair.values())
      list.sort((a, b) => compareText(a.date, b.date) || compareText(a.rate, b.rate));
  }

  rateOn(date: string, from: CurrencyCode, to: CurrencyCode): { rate: DatedRate; inverted: boolean } | undefined {
    const direct = this.latest(`${from}>${to}`, date);
    const inverse = this.latest(`${to}>${from}`, date);
    if (direct && (!inverse || direct.date >= inverse.date)) return { rate: direct, inverted: false };
    return inverse ? { rate: inverse, inverted: true } : undefined;
  }

  /** `amount` in `currency` on `date`, with the rate used, or why it cannot be converted. */
  convert(amount: Money, currency: CurrencyCode, date: string): Conversion {
    if (amount.currency === currency) {
      return { ok: true, money: amount, rate: { from: currency, to: currency, rate: '1', date }, inverted: false };
    }
    const found = this.rateOn(date, amount.currency, currency);
    if (!found) return { ok: false, reason: `no ${amount.currency}→${currency} rate on or before ${date}` };
    try {
      return { ok: true, money: convertMoney(amount, found.rate), ...found };
    } catch (error) {
      // An absurd rate (a typo of 999999999) leaves one amount unconverted, not a whole report broken.
      if (error instanceof MoneyError)
        return { ok: false, reason: `${amount.currency}→${currency} on ${date}: ${error.message}` };
      throw error;
    }
  }

  private latest(pair: string, date: string): DatedRate | undefined {
    const list = this.byPair.get(pair);
    if (!list) return undefined;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((list[middle] as DatedRate).date <= date) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? list[low - 1] : undefined;
  }
}

/**
 * Converts many amounts into one currency with the rate of each one's day, counting the amounts
 * no rate converts instead of guessing them: what budgets, goals and reports report as unconverted.
 */
export class Converter {
  private missing = 0;

  constructor(
    private readonly rates: RateTable,
    readonly currency: CurrencyCode,
  ) {}

  /** How many amounts could not be converted so far. */
  get unconverted(): number {
    return this.missing;
  }

  /** Minor units of `currency`, or undefined (and counted) when no rate converts it. */
  minorUnits(amount: number, from: CurrencyCode, date: string): number | undefined {
    if (from === this.currency) return amount;
    const conversion = this.rates.convert(money(amount, from), this.currency, date);
    if (conversion.ok) return conversion.money.amount;
    this.missing += 1;
    return undefined;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
