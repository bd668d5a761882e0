import { expect, test } from 'vitest';
import { readRateText } from './rate-entry.js';
import { formatRateNumber } from './rate-number.js';

test('a rate is written in the reader’s locale with every digit it was entered with', () => {
  expect(formatRateNumber('1.0842', 'en-US')).toBe('1.0842');
  expect(formatRateNumber('1.0842', 'de-DE')).toBe('1,0842');
  expect(formatRateNumber('1.0950', 'en-US')).toBe('1.0950');
  expect(formatRateNumber('0.000123456789', 'es-ES')).toBe('0,000123456789');
  expect(formatRateNumber('1450.25', 'en-US')).toBe('1,450.25');
  expect(formatRateNumber('123456789.123456789012', 'en-US')).toBe('123,456,789.123456789012');
});

test('a rate shown in the edit form reads back as the same rate, in every language', () => {
  for (const locale of ['en-US', 'es-ES', 'de-DE', 'de-CH', 'en-IN']) {
    for (const rate of ['1.0842', '1450.25', '1.450', '0.000123456789', '157', '123456789.123456789012']) {
      expect(readRateText(formatRateNumber(rate, locale, { useGrouping: false }), locale)).toEqual({ ok: true, rate });
    }
  }
});
