import { describe, expect, it } from 'vitest';
import { guessDecimalMark, parseAmountText } from './amount-text.js';
import { guessDateFormats, parseDateText } from './date-text.js';
import { payeeSimilarity } from './duplicates.js';

describe('amounts as banks print them', () => {
  it.each([
    ['1,234.56', '.', 123_456],
    ['1.234,56', ',', 123_456],
    ['1,23,456.00', '.', 12_345_600],
    ['-3,53', ',', -353],
    ['(12.00)', '.', -1_200],
    ['12.00-', '.', -1_200],
    ['12.00 DR', '.', -1_200],
    ['12.00 CR', '.', 1_200],
    ['€ 1 234,56', ',', 123_456],
    ["1'234.56", '.', 123_456],
    ['+5', '.', 500],
    ['.5', '.', 50],
    ['-0.00', '.', 0],
  ] as const)('%s with "%s" decimals is %i minor units', (text, decimal, minor) => {
    expect(parseAmountText(text, decimal)).toBe(minor);
  });

  it.each(['', 'twelve', '1.2.3', '12.345', '1e5', '--5'])('"%s" is not an amount', (text) => {
    expect(parseAmountText(text, '.')).toBeUndefined();
  });

  it('uses the currency’s own number of decimals', () => {
    expect(parseAmountText('1,500', '.', 0)).toBe(1_500);
    expect(parseAmountText('1.250', '.', 3)).toBe(1_250);
  });

  it('guesses the decimal mark from the amounts of a file', () => {
    expect(guessDecimalMark(['1.234,56', '-3,53', '12'])).toBe(',');
    expect(guessDecimalMark(['1,234.56', '-3.53'])).toBe('.');
  });
});

describe('dates as banks print them', () => {
  it('reads every supported form', () => {
    expect(parseDateText('2026-02-28', 'YYYY-MM-DD')).toBe('2026-02-28');
    expect(parseDateText('28/02/2026', 'DD/MM/YYYY')).toBe('2026-02-28');
    expect(parseDateText('02/28/2026', 'MM/DD/YYYY')).toBe('2026-02-28');
    expect(parseDateText('28.02.2026', 'DD.MM.YYYY')).toBe('2026-02-28');
    expect(parseDateText('28 Feb 2026', 'DD Mon YYYY')).toBe('2026-02-28');
    expect(parseDateText('29.02.2026', 'DD.MM.YYYY')).toBeUndefined();
  });

  it('lets a day above 12 decide between day-first and month-first, and offers both otherwise', () => {
    expect(guessDateFormats(['03/11/2025', '25/11/2025'])).toEqual(['DD/MM/YYYY']);
    expect(guessDateFormats(['11/03/2025', '11/25/2025'])).toEqual(['MM/DD/YYYY']);
    expect(guessDateFormats(['03/11/2025', '04/11/2025'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
  });
});

describe('payees alike', () => {
  it('match however the bank spells them', () => {
    expect(payeeSimilarity('AMAZON MKTP US*2K4', 'Amazon Mktp US')).toBeGreaterThanOrEqual(0.5);
    expect(payeeSimilarity('Café Müller', 'CAFE MULLER 0042')).toBe(1);
    expect(payeeSimilarity('Shell Oil 5741', 'Netflix.com')).toBe(0);
  });
});
