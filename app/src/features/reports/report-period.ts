import { addMonths, parseCalendarDate } from '@tally/schema';

export const PERIOD_PRESETS = ['this-month', 'last-3-months', 'last-12-months', 'this-year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** First and last day, both included, `YYYY-MM-DD`. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type PeriodIssue = 'from-invalid' | 'to-invalid' | 'from-after-to';

export type PeriodChoice =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly issue: PeriodIssue };

/**
 * The days a preset covers on `today`. Every preset ends today, so a report never shows months
 * that have not happened; "last 3 months" is this month and the two before it, whole.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const month = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'this-month':
      return { from: month, to: today };
    case 'last-3-months':
      return { from: addMonths(month, -2), to: today };
    case 'last-12-months':
      return { from: addMonths(month, -11), to: today };
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The period a user chose: a preset, or a custom from–to checked day by day. */
export function choosePeriod(preset: PeriodPreset, custom: Period, today: string): PeriodChoice {
  if (preset !== 'custom') return { ok: true, period: presetPeriod(preset, today) };
  if (!parseCalendarDate(custom.from)) return { ok: false, issue: 'from-invalid' };
  if (!parseCalendarDate(custom.to)) return { ok: false, issue: 'to-invalid' };
  if (custom.from > custom.to) return { ok: false, issue: 'from-after-to' };
  return { ok: true, period: custom };
}
