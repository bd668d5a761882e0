/** The person's language for numbers, money and dates. */
export const LOCALE: string = typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';

export function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return new Date(year, month - 1, date).toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
}
