import { describe, expect, test } from 'vitest';
import { readRateEntry, readRateText } from './rate-entry.js';

describe('reading a typed rate', () => {
  test('keeps every digit as exact decimal text, whichever decimal mark the person uses', () => {
    expect(readRateText('1.0842', 'en-US')).toEqual({ ok: true, rate: '1.0842' });
    expect(readRateText('1,0842', 'de-DE')).toEqual({ ok: true, rate: '1.0842' });
    expect(readRateText('1,0842', 'en-US')).toEqual({ ok: true, rate: '1.0842' });
    expect(readRateText(' 0.000123456789 ', 'en-US')).toEqual({ ok: true, rate: '0.000123456789' });
    expect(readRateText('157', 'en-US')).toEqual({ ok: true, rate: '157' });
    expect(readRateText('007.50', 'es-ES')).toEqual({ ok: true, rate: '7.50' });
    expect(readRateText(',5', 'de-DE')).toEqual({ ok: true, rate: '0.5' });
  });

  test('asks instead of guessing when the mark could be a thousands separator', () => {
    expect(readRateText('1,450', 'en-US')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(readRateText('1.450', 'de-DE')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(readRateText('1.450', 'en-US')).toEqual({ ok: true, rate: '1.450' });
    expect(readRateText('1,450', 'de-DE')).toEqual({ ok: true, rate: '1.450' });
    expect(readRateText('0,125', 'en-US')).toEqual({ ok: true, rate: '0.125' });
  });

  test('refuses what is not a positive rate the ledger can hold, saying why', () => {
    expect(readRateText('', 'en-US')).toEqual({ ok: false, problem: 'empty' });
    expect(readRateText('abc', 'en-US')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(readRateText('-1.2', 'en-US')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(readRateText('1,234.5', 'en-US')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(readRateText('1e3', 'en-US')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(readRateText('.', 'en-US')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(readRateText('0.000', 'en-US')).toEqual({ ok: false, problem: 'not-positive' });
    expect(readRateText('1234567890', 'en-US')).toEqual({ ok: false, problem: 'too-large' });
    expect(readRateText('0.1234567890123', 'en-US')).toEqual({ ok: false, problem: 'too-precise' });
  });
});

describe('reading the rate form', () => {
  test('gives the record the ledger stores for the day and pair', () => {
    expect(readRateEntry({ from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1,0842' }, 'de-DE')).toEqual({
      ok: true,
      rate: { from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.0842' },
    });
  });

  test('says what is wrong with each field at once', () => {
    expect(readRateEntry({ from: '', to: 'USD', date: '2026-02-30', rate: '' }, 'en-US')).toEqual({
      ok: false,
      issues: { from: 'unknown-currency', date: 'not-a-date', rate: 'empty' },
    });
    expect(readRateEntry({ from: 'EUR', to: 'EUR', date: '2026-11-20', rate: '1' }, 'en-US')).toEqual({
      ok: false,
      issues: { to: 'same-currency' },
    });
  });
});
