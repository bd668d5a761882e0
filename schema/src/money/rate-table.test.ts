import { describe, expect, it } from 'vitest';
import { currencyCode } from './currencies.js';
import { money } from './money.js';
import { type DatedRate, RateTable } from './rate-table.js';

const EUR = currencyCode('EUR');
const USD = currencyCode('USD');
const GBP = currencyCode('GBP');

function dated(date: string, from: string, to: string, rate: string): DatedRate {
  return { date, from: currencyCode(from), to: currencyCode(to), rate };
}

describe('the rate table', () => {
  const table = new RateTable([
    dated('2026-03-01', 'EUR', 'USD', '1.10'),
    dated('2026-01-01', 'EUR', 'USD', '1.05'),
    dated('2026-02-15', 'USD', 'EUR', '0.90'),
  ]);

  it('uses the latest rate entered on or before the day, and names it', () => {
    const conversion = table.convert(money(10_000, 'EUR'), USD, '2026-01-31');
    expect(conversion).toEqual({
      ok: true,
      money: money(10_500, 'USD'),
      rate: dated('2026-01-01', 'EUR', 'USD', '1.05'),
      inverted: false,
    });
    expect(table.convert(money(10_000, 'EUR'), USD, '2026-03-01')).toMatchObject({ money: money(11_000, 'USD') });
  });

  it('uses a later rate entered the other way round, dividing by it', () => {
    expect(table.convert(money(9_000, 'EUR'), USD, '2026-02-20')).toMatchObject({
      money: money(10_000, 'USD'),
      rate: { date: '2026-02-15', from: USD, to: EUR },
      inverted: true,
    });
  });

  it('says which rate is missing instead of guessing', () => {
    expect(table.convert(money(100, 'EUR'), USD, '2025-12-31')).toEqual({
      ok: false,
      reason: 'no EUR→USD rate on or before 2025-12-31',
    });
    expect(table.convert(money(100, 'GBP'), EUR, '2026-06-01')).toMatchObject({ ok: false });
  });

  it('counts an amount an absurd rate cannot convert, instead of failing the whole report', () => {
    const typo = new RateTable([dated('2026-01-01', 'EUR', 'USD', '999999999.99')]);
    expect(typo.convert(money(9_000_000_000_000, 'EUR'), USD, '2026-01-02')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/beyond the safe range/),
    });
  });

  it('leaves money already in the wanted currency alone', () => {
    expect(table.convert(money(123, 'GBP'), GBP, '2026-06-01')).toMatchObject({ ok: true, money: money(123, 'GBP') });
  });

  it('converts with the same one of two rates entered for one day, in whatever order the records are listed', () => {
    const first = dated('2026-04-01', 'EUR', 'USD', '1.20');
    const second = dated('2026-04-01', 'EUR', 'USD', '1.30');
    const heardFirst = new RateTable([first, second]).convert(money(10_000, 'EUR'), USD, '2026-04-02');
    const heardSecond = new RateTable([second, first]).convert(money(10_000, 'EUR'), USD, '2026-04-02');
    expect(heardFirst).toEqual(heardSecond);
  });
});
