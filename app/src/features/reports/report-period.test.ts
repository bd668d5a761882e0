import { describe, expect, test } from 'vitest';
import { choosePeriod, presetPeriod } from './report-period.js';

const TODAY = '2026-03-18';

describe('report periods', () => {
  test('every preset ends today, so no report shows months that have not happened', () => {
    expect(presetPeriod('this-month', TODAY)).toEqual({ from: '2026-03-01', to: TODAY });
    expect(presetPeriod('last-3-months', TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(presetPeriod('last-12-months', TODAY)).toEqual({ from: '2025-04-01', to: TODAY });
    expect(presetPeriod('this-year', TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
  });

  test('"last 3 months" early in the year reaches back into the year before', () => {
    expect(presetPeriod('last-3-months', '2026-01-02')).toEqual({ from: '2025-11-01', to: '2026-01-02' });
  });

  test('a preset ignores the custom dates, even half-typed ones', () => {
    expect(choosePeriod('this-month', { from: '', to: '2026-13-01' }, TODAY)).toEqual({
      ok: true,
      period: { from: '2026-03-01', to: TODAY },
    });
  });

  test('custom dates are taken as typed, both days included', () => {
    expect(choosePeriod('custom', { from: '2025-12-24', to: '2026-01-06' }, TODAY)).toEqual({
      ok: true,
      period: { from: '2025-12-24', to: '2026-01-06' },
    });
    expect(choosePeriod('custom', { from: '2026-02-10', to: '2026-02-10' }, TODAY).ok).toBe(true);
  });

  test('custom dates say which day is missing, impossible or out of order', () => {
    expect(choosePeriod('custom', { from: '', to: '2026-01-06' }, TODAY)).toEqual({ ok: false, issue: 'from-invalid' });
    expect(choosePeriod('custom', { from: '2026-01-01', to: '2026-02-30' }, TODAY)).toEqual({
      ok: false,
      issue: 'to-invalid',
    });
    expect(choosePeriod('custom', { from: '2026-02-01', to: '2026-01-31' }, TODAY)).toEqual({
      ok: false,
      issue: 'from-after-to',
    });
  });
});
