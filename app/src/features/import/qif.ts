import { parseAmountText } from './amount-text.js';
import { guessDateFormats, parseDateText } from './date-text.js';
import { ImportError, type Statement, type StatementLine } from './statement.js';

interface Draft {
  line: number;
  fields: Map<string, string>;
  splits: { category: string; memo: string; amount: string }[];
}

/** QIF years may be written `'25` or `' 5` for 2025/2005: normalise to a plain date before reading. */
function qifDate(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, '')
    .replace(/'(\d{1,2})$/, (_, year: string) => `/${year.padStart(2, '0')}`);
}

/**
 * Reads a QIF bank or card export: records of one-letter fields ending with `^`; `D` date,
 * `T`/`U` amount, `P` payee, `M` memo, `L` category, and `S`/`E`/`$` split parts. Whether dates
 * are month- or day-first is read from the file itself (a day above 12 decides); month-first,
 * Quicken's own, when nothing decides.
 */
export function parseQif(text: string, digits = 2): Statement {
  const drafts: Draft[] = [];
  let draft: Draft | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const entry = raw.trimEnd();
    if (entry === '' || entry.startsWith('!')) return;
    if (entry.startsWith('^')) {
      if (draft) drafts.push(draft);
      draft = undefined;
      return;
    }
    draft ??= { line, fields: new Map(), splits: [] };
    const code = entry[0] ?? '';
    const value = entry.slice(1).trim();
    if (code === 'S') draft.splits.push({ category: value, memo: '', amount: '' });
    else if (code === 'E' && draft.splits.length > 0) (draft.splits.at(-1) as Draft['splits'][number]).memo = value;
    else if (code === '$' && draft.splits.length > 0) (draft.splits.at(-1) as Draft['splits'][number]).amount = value;
    else draft.fields.set(code, value);
  });
  if (draft)
    throw new ImportError(
      draft.line,
      'the file ends inside this transaction (no closing ^): it was cut short',
      'cut-short',
    );

  const dates = drafts.map((d) => qifDate(d.fields.get('D') ?? ''));
  const formats = guessDateFormats(dates);
  const format = formats.includes('MM/DD/YYYY') ? 'MM/DD/YYYY' : formats[0];
  const amountOf = (line: number, text: string): number => {
    const amount = parseAmountText(text, '.', digits);
    if (amount === undefined) throw new ImportError(line, `"${text}" is not an amount`, 'bad-amount', { value: text });
    return amount;
  };
  const lines = drafts.map((d, i): StatementLine => {
    const date = format ? parseDateText(dates[i] ?? '', format) : undefined;
    if (!date)
      throw new ImportError(
        d.line,
        `"${d.fields.get('D') ?? ''}" is not a date this file's other dates agree with`,
        'bad-date',
        {
          value: d.fields.get('D') ?? '',
        },
      );
    const amountText = d.fields.get('T') ?? d.fields.get('U');
    if (amountText === undefined) throw new ImportError(d.line, 'this transaction has no amount (T line)', 'no-amount');
    return {
      line: d.line,
      date,
      amount: amountOf(d.line, amountText),
      payee: d.fields.get('P') ?? '',
      memo: d.fields.get('M') ?? '',
      bankId: null,
      category: d.fields.get('L') ?? null,
      splits: d.splits.map((split) => ({
        category: split.category,
        memo: split.memo,
        amount: amountOf(d.line, split.amount),
      })),
    };
  });
  return { currency: null, lines };
}
