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
  return new Date(year, month - 1, date).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A `YYYY-MM` month as people read it in `locale`: "March 2026", "marzo de 2026". */
export function formatMonth(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  if (year === undefined || index === undefined) return month;
  return new Date(year, index - 1, 1).toLocaleDateString(locale, { month: 'long', year: 'numeric' });
}
