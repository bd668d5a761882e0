import { formatCalendarDate, parseCalendarDate } from '@tally/schema';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD Mon YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function toDate(year: number, month: number, day: number): string | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = formatCalendarDate({ year: fullYear, month, day });
  return parseCalendarDate(date) ? date : undefined;
}

/** Reads a date in one format into `YYYY-MM-DD`; undefined when it is not a real day in that format. */
export function parseDateText(text: string, format: DateFormat): string | undefined {
  const value = text.trim();
  let match: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
      return match ? toDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case 'DD/MM/YYYY':
      match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
      return match ? toDate(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
    case 'MM/DD/YYYY':
      match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
      return match ? toDate(Number(match[3]), Number(match[1]), Number(match[2])) : undefined;
    case 'DD.MM.YYYY':
      match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
      return match ? toDate(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
    case 'DD Mon YYYY': {
      match = /^(\d{1,2})[\s-]([A-Za-z]{3})[a-z]*[\s-](\d{2}|\d{4})$/.exec(value);
      const month = match ? MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1 : 0;
      return match && month > 0 ? toDate(Number(match[3]), month, Number(match[1])) : undefined;
    }
  }
}

/**
 * The formats that read (nearly) every sample as a real day, best first. A few unreadable
 * samples do not hide the column — the import then names their lines. Day-first and
 * month-first both fit when no day is above 12: then both are returned, day-first first, and the
 * user chooses in the preview.
 */
export function guessDateFormats(samples: readonly string[]): DateFormat[] {
  const values = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  if (values.length === 0) return [];
  const readable = (format: DateFormat): number =>
    values.filter((value) => parseDateText(value, format) !== undefined).length;
  const counts = new Map(DATE_FORMATS.map((format) => [format, readable(format)]));
  const enough = Math.max(1, Math.ceil(values.length * 0.9));
  return DATE_FORMATS.filter((format) => (counts.get(format) ?? 0) >= enough).sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0),
  );
}
