import { type CurrencyCode, minorUnitDigits } from './currencies.js';
import { toDecimalString } from './decimal-string.js';
import { type Money, money } from './money.js';
import { isSpace, type MoneyNotation, moneyNotation, normalizeMoneyText } from './money-notation.js';

export const MONEY_TEXT_CODES = [
  'empty',
  'stray-text',
  'no-digits',
  'several-numbers',
  'several-currencies',
  'several-signs',
  'parentheses',
  'sign-and-parentheses',
  'several-decimal-separators',
  'misplaced-grouping',
  'no-minor-unit',
  'too-many-decimals',
  'too-large',
] as const;

/** Why text is not an amount, as a code a screen words in its own language. */
export type MoneyTextCode = (typeof MONEY_TEXT_CODES)[number];

/**
 * A refusal of typed money: its `code`, the `values` its sentence names (the currency, how many
 * decimals it allows…, the same in every language) and `reason`, the sentence in English.
 */
export interface MoneyTextProblem {
  readonly code: MoneyTextCode;
  readonly values: Readonly<Record<string, string | number>>;
  readonly reason: string;
}

export type ParsedMoney = { readonly ok: true; readonly money: Money } | ({ readonly ok: false } & MoneyTextProblem);

type TokenKind = 'space' | 'open' | 'close' | 'minus' | 'plus' | 'currency' | 'number' | 'other';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * Reads an amount typed or pasted by a person, the way `locale` writes it: "-$1,234.05",
 * "1.234,05 €", "(1’234.05) CHF", "¥1,235", "١٬٢٣٤٫٥٠ ج.م.". Every refusal says why in words
 * a user can act on. Only digits are ever read, so there is no rounding anywhere.
 */
export function parseMoney(text: string, currency: CurrencyCode, locale: string): ParsedMoney {
  const normalized = normalizeMoneyText(text).trim();
  if (normalized === '') return refuse('empty', {}, 'the amount is empty');
  const notation = moneyNotation(locale, currency);
  const tokens = tokenize(normalized, notation).filter((token) => token.kind !== 'space');

  const stray = tokens.find((token) => token.kind === 'other');
  if (stray !== undefined) {
    return refuse(
      'stray-text',
      { text: stray.text, currency },
      `"${stray.text}" is not part of an amount in ${currency}`,
    );
  }

  const numbers = tokens.filter((token) => token.kind === 'number');
  const [number] = numbers;
  if (number === undefined) return refuse('no-digits', {}, 'there are no digits in the amount');
  if (numbers.length > 1) return refuse('several-numbers', {}, 'the amount holds more than one number');
  if (count(tokens, 'currency') > 1) return refuse('several-currencies', {}, 'the currency is written more than once');

  const signs = count(tokens, 'minus') + count(tokens, 'plus');
  const parentheses = count(tokens, 'open') + count(tokens, 'close');
  if (signs > 1) return refuse('several-signs', {}, 'the amount has more than one sign');
  if (parentheses > 0) {
    const open = tokens.findIndex((token) => token.kind === 'open');
    const close = tokens.findIndex((token) => token.kind === 'close');
    const at = tokens.indexOf(number);
    const enclosed = parentheses === 2 && open !== -1 && open < at && at < close;
    if (!enclosed) return refuse('parentheses', {}, 'parentheses must enclose the whole amount');
    if (signs > 0) {
      return refuse('sign-and-parentheses', {}, 'write a negative amount with parentheses or a minus sign, not both');
    }
  }
  const negative = parentheses > 0 || count(tokens, 'minus') === 1;

  const minorUnits = readMinorUnits(number.text, currency, locale, notation);
  if (typeof minorUnits !== 'string') return { ok: false, ...minorUnits };
  return { ok: true, money: money(negative ? -Number(minorUnits) : Number(minorUnits), currency) };
}

function tokenize(text: string, notation: MoneyNotation): Token[] {
  const chars = [...text];
  const tokens: Token[] = [];
  let index = 0;
  const take = (kind: TokenKind, length: number): void => {
    tokens.push({ kind, text: chars.slice(index, index + length).join('') });
    index += length;
  };
  while (index < chars.length) {
    const char = chars[index] ?? '';
    const marker = notation.markers.find((candidate) => startsWithAt(chars, index, candidate));
    if (isSpace(char)) take('space', 1);
    else if (char === '(') take('open', 1);
    else if (char === ')') take('close', 1);
    else if (marker !== undefined) take('currency', [...marker].length);
    else if (notation.minusSigns.has(char)) take('minus', 1);
    else if (notation.plusSigns.has(char)) take('plus', 1);
    else if (isNumberChar(char, notation)) take('number', numberLength(chars, index, notation));
    else
      take(
        'other',
        runLength(chars, index, (next) => /^\p{L}$/u.test(next)),
      );
  }
  return tokens;
}

// A number runs over digits and separators; a space belongs to it only between two digits,
// where it groups thousands ("1 234,56"), not where it sets the number apart from a symbol.
function numberLength(chars: readonly string[], start: number, notation: MoneyNotation): number {
  let end = start;
  while (end < chars.length) {
    const char = chars[end] ?? '';
    const groupingSpace =
      isSpace(char) && notation.digits.has(chars[end - 1] ?? '') && notation.digits.has(chars[end + 1] ?? '');
    if (!isNumberChar(char, notation) && !groupingSpace) break;
    end += 1;
  }
  return end - start;
}

function runLength(chars: readonly string[], start: number, continues: (char: string) => boolean): number {
  let end = start + 1;
  if (!continues(chars[start] ?? '')) return 1;
  while (end < chars.length && continues(chars[end] ?? '')) end += 1;
  return end - start;
}

function isNumberChar(char: string, notation: MoneyNotation): boolean {
  return notation.digits.has(char) || notation.decimals.has(char) || notation.groups.has(char);
}

function startsWithAt(chars: readonly string[], index: number, candidate: string): boolean {
  return chars.slice(index, index + [...candidate].length).join('') === candidate;
}

/** The amount's digits in minor units (no sign, no leading zeros), or why they are not an amount. */
function readMinorUnits(
  body: string,
  currency: CurrencyCode,
  locale: string,
  notation: MoneyNotation,
): string | MoneyTextProblem {
  let whole = '';
  let fraction: string | undefined;
  const groupsOfWhole: string[] = [''];
  const separators = new Set<string>();
  for (const char of body) {
    const digit = notation.digits.get(char);
    if (digit !== undefined) {
      if (fraction === undefined) {
        whole += digit;
        groupsOfWhole[groupsOfWhole.length - 1] += digit;
      } else {
        fraction += digit;
      }
    } else if (notation.decimals.has(char)) {
      if (fraction !== undefined) {
        return problem(
          'several-decimal-separators',
          { separator: char },
          `the amount has more than one decimal separator "${char}"`,
        );
      }
      fraction = '';
    } else {
      separators.add(isSpace(char) ? 'space' : `"${char}"`);
      if (fraction !== undefined) return misplacedGroups(separators, locale, notation);
      groupsOfWhole.push('');
    }
  }
  if (whole === '' && (fraction ?? '') === '') return problem('no-digits', {}, 'there are no digits in the amount');
  if (!isWellGrouped(groupsOfWhole)) return misplacedGroups(separators, locale, notation);

  const digits = minorUnitDigits(currency);
  const decimals = fraction ?? '';
  if (decimals.length > digits) {
    return digits === 0
      ? problem('no-minor-unit', { currency }, `${currency} has no minor unit, so the amount cannot have decimals`)
      : problem(
          'too-many-decimals',
          { currency, digits },
          `${currency} allows at most ${digits} decimal${digits === 1 ? '' : 's'}`,
        );
  }
  const minorUnits = (whole + decimals.padEnd(digits, '0')).replace(/^0+(?=\d)/u, '');
  const tooLarge =
    minorUnits.length > MAX_SAFE_DIGITS.length ||
    (minorUnits.length === MAX_SAFE_DIGITS.length && minorUnits > MAX_SAFE_DIGITS);
  if (tooLarge) {
    const largest = toDecimalString(money(Number.MAX_SAFE_INTEGER, currency));
    return problem(
      'too-large',
      { largest, currency },
      `the amount is too large: at most ${largest} ${currency} can be recorded`,
    );
  }
  return minorUnits;
}

// Groups of three (1,234,567) or, in India, of two then three (12,34,567).
function isWellGrouped(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  const [first = '', ...rest] = groups;
  const last = rest.at(-1) ?? '';
  const middle = rest.slice(0, -1);
  return (
    first.length >= 1 &&
    first.length <= 3 &&
    middle.every((group) => group.length === 2 || group.length === 3) &&
    last.length === 3
  );
}

function misplacedGroups(separators: ReadonlySet<string>, locale: string, notation: MoneyNotation): MoneyTextProblem {
  const decimal = [...notation.decimals].map((char) => `"${char}"`).join(' or ');
  return problem(
    'misplaced-grouping',
    { decimal: [...notation.decimals].join(' ') },
    `${[...separators].join(' and ')} only groups thousands in ${locale}; decimals come after ${decimal}`,
  );
}

function count(tokens: readonly Token[], kind: TokenKind): number {
  return tokens.filter((token) => token.kind === kind).length;
}

function problem(code: MoneyTextCode, values: MoneyTextProblem['values'], reason: string): MoneyTextProblem {
  return { code, values, reason };
}

function refuse(code: MoneyTextCode, values: MoneyTextProblem['values'], reason: string): ParsedMoney {
  return { ok: false, ...problem(code, values, reason) };
}
