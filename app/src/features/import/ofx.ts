import { parseCalendarDate } from '@tally/schema';
import { parseAmountText } from './amount-text.js';
import { ImportError, type Statement, type StatementLine } from './statement.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reads an OFX statement, version 1 (SGML: leaf elements are never closed) or 2 (XML), bank or
 * credit card. Each `STMTTRN` becomes a line; its FITID is kept to recognise it on re-import.
 * A file that ends inside a transaction, or a transaction without a date or an amount, is
 * refused with the line the transaction starts on.
 */
export function parseOfx(text: string, digits = 2): Statement {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw new ImportError(1, 'no <OFX> element: this is not an OFX file', 'not-ofx');
  let line = text.slice(0, start).split('\n').length;
  let currency: string | null = null;
  let transaction: { line: number; fields: Map<string, string> } | undefined;
  const lines: StatementLine[] = [];
  let closed = false;
  const tag = /<(\/?)([A-Za-z0-9.]+)[^>]*>([^<]*)/g;
  tag.lastIndex = start;
  for (let match = tag.exec(text), at = start; match; match = tag.exec(text)) {
    line += countNewlines(text, at, match.index);
    at = match.index;
    const [, slash, rawName = '', rawValue = ''] = match;
    const name = rawName.toUpperCase();
    const value = decodeEntities(rawValue.trim());
    if (slash) {
      if (name === 'STMTTRN' && transaction) {
        lines.push(readTransaction(transaction.line, transaction.fields, digits));
        transaction = undefined;
      } else if (name === 'OFX') closed = true;
    } else if (name === 'STMTTRN') {
      if (transaction) lines.push(readTransaction(transaction.line, transaction.fields, digits));
      transaction = { line, fields: new Map() };
    } else if (name === 'CURDEF' && value) currency = value.toUpperCase();
    else if (transaction && value) transaction.fields.set(name, value);
  }
  if (transaction)
    throw new ImportError(transaction.line, 'the file ends inside this transaction: it was cut short', 'cut-short');
  if (!closed) throw new ImportError(line, 'the file ends before </OFX>: it was cut short', 'cut-short');
  return { currency, lines };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) count += 1;
  return count;
}

/** DTPOSTED is `YYYYMMDD[HHMMSS[.XXX]][[offset:TZ]]`: the first eight digits are the bank's day. */
function readTransaction(line: number, fields: ReadonlyMap<string, string>, digits: number): StatementLine {
  const posted = fields.get('DTPOSTED') ?? fields.get('DTUSER') ?? '';
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(posted);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  if (!parseCalendarDate(date))
    throw new ImportError(line, `this transaction has no valid date (DTPOSTED "${posted}")`, 'bad-date', {
      value: posted,
    });
  const amountText = fields.get('TRNAMT') ?? '';
  const amount = parseAmountText(amountText.replace(',', '.'), '.', digits);
  if (amount === undefined)
    throw new ImportError(line, `this transaction has no valid amount (TRNAMT "${amountText}")`, 'bad-amount', {
      value: amountText,
    });
  return {
    line,
    date,
    amount,
    payee: fields.get('NAME') ?? fields.get('PAYEE') ?? '',
    memo: fields.get('MEMO') ?? '',
    bankId: fields.get('FITID') ?? null,
    category: null,
    splits: [],
  };
}
