import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { money } from '../money/index.js';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Ledger } from './ledger.js';

function device(seed: number, now: number): { doc: Y.Doc; ledger: Ledger } {
  const doc = new Y.Doc();
  return { doc, ledger: new Ledger(doc, { random: new SeededRandom(seed), now: () => now }) };
}

describe('ledger: several currencies', () => {
  it('keeps a home currency every device shares', () => {
    const a = device(1, 1_000);
    const b = device(2, 2_000);
    expect(a.ledger.homeCurrency).toBeNull();
    a.ledger.setHomeCurrency('EUR');
    syncDocs(a.doc, b.doc);
    expect(b.ledger.homeCurrency).toBe('EUR');
    expect(() => b.ledger.setHomeCurrency('EURO')).toThrow(/not an ISO 4217 currency code/);
  });

  it('converts with the rate of the day and says which one it used', () => {
    const { ledger } = device(1, 1_000);
    ledger.setExchangeRate({ date: '2026-01-01', from: 'USD', to: 'EUR', rate: '0.92' });
    ledger.setExchangeRate({ date: '2026-02-01', from: 'USD', to: 'EUR', rate: '0.95' });
    const conversion = ledger.rateTable().convert(money(10_000, 'USD'), money(0, 'EUR').currency, '2026-01-20');
    expect(conversion).toMatchObject({
      ok: true,
      money: money(9_200, 'EUR'),
      rate: { date: '2026-01-01', rate: '0.92' },
    });
  });

  it('the same day and pair entered on two devices is one rate, the later entry winning', () => {
    const a = device(1, 5_000);
    const b = device(2, 9_000);
    a.ledger.setExchangeRate({ date: '2026-03-01', from: 'GBP', to: 'EUR', rate: '1.16' });
    b.ledger.setExchangeRate({ date: '2026-03-01', from: 'GBP', to: 'EUR', rate: '1.17' });
    syncDocs(a.doc, b.doc);
    for (const { ledger } of [a, b]) {
      expect(ledger.rates.list()).toHaveLength(1);
      expect(ledger.rates.list()[0]?.rate).toBe('1.17');
    }
  });

  it('[REC9] the same day’s rate entered the other way round later replaces it, both ways', () => {
    const a = device(1, 5_000);
    const b = device(2, 9_000);
    a.ledger.setExchangeRate({ date: '2026-03-01', from: 'EUR', to: 'USD', rate: '1.10' });
    b.ledger.setExchangeRate({ date: '2026-03-01', from: 'USD', to: 'EUR', rate: '0.95' });
    syncDocs(a.doc, b.doc);
    const table = a.ledger.rateTable();
    expect(a.ledger.rates.list()).toHaveLength(1);
    expect(table.convert(money(9_500, 'EUR'), money(0, 'USD').currency, '2026-03-02')).toMatchObject({
      money: money(10_000, 'USD'),
    });
    expect(table.convert(money(10_000, 'USD'), money(0, 'EUR').currency, '2026-03-02')).toMatchObject({
      money: money(9_500, 'EUR'),
    });
  });

  it('refuses a rate of zero, a float, or between a currency and itself', () => {
    const { ledger } = device(1, 1_000);
    expect(() => ledger.setExchangeRate({ date: '2026-03-01', from: 'GBP', to: 'EUR', rate: '0' })).toThrow(
      /positive decimal/,
    );
    expect(() => ledger.setExchangeRate({ date: '2026-03-01', from: 'GBP', to: 'EUR', rate: '1e2' })).toThrow(
      /positive decimal/,
    );
    expect(() => ledger.setExchangeRate({ date: '2026-03-01', from: 'EUR', to: 'EUR', rate: '1' })).toThrow(
      /two different currencies/,
    );
  });
});
