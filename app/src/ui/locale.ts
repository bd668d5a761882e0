/** Today on this device's calendar, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A `YYYY-MM-DD` day as people read it in `locale`: "Mar 5, 2026", "5 mar 2026", "05.03.2026". */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return formatter(locale, 'day').format(new Date(year, month - 1, date));
}

/** A `YYYY-MM` month as people read it in `locale`: "March 2026", "marzo de 2026". */
export function formatMonth(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  if (year === undefined || index === undefined) return month;
  return formatter(locale, 'month').format(new Date(year, index - 1, 1));
}

/** A `YYYY-MM` month in few letters, with the whole year so it never reads as a day: "Oct 2026", "Okt. 2026". */
export function formatShortMonth(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  if (year === undefined || index === undefined) return month;
  return formatter(locale, 'shortMonth').format(new Date(year, index - 1, 1));
}

const FORMATS = {
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  shortMonth: { month: 'short', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One formatter per locale and format, shared: building one costs far more than formatting, and
 * a list formats a day on every row it shows.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${format}\u0000${locale}`;
  let shared = formatters.get(key);
  if (shared === undefined) {
    shared = new Intl.DateTimeFormat(locale, FORMATS[format]);
    formatters.set(key, shared);
  }
  return shared;
}
