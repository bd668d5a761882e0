import type { NewTransaction } from '@tally/schema';
import type { Match } from './duplicates.js';
import { importIdOf } from './import-id.js';

/** A category suggested for a line: from one of the user's rules, or learned from their history. */
export interface LineSuggestion {
  readonly categoryId: string;
  readonly source: 'rule' | 'learned';
}

/** One statement line as the review step shows it, with what duplicate matching and suggestions found. */
export interface ReviewLine {
  readonly line: number;
  readonly date: string;
  /** Signed minor units of the account's currency. */
  readonly amount: number;
  readonly payee: string;
  readonly memo: string;
  /** The line's key (`importKeys`): the bank's id, or its date, amount and payee. */
  readonly key: string;
  readonly match: Match;
  readonly suggestion: LineSuggestion | null;
  /** The category the line is written with: the suggestion's until the person changes or clears it. */
  readonly categoryId: string | null;
}

/** Which lines will be written: one flag per line, in the statement's order. */
export type Selection = readonly boolean[];

/** Duplicates of transactions already in the account start left out; every new line starts included. */
export function initialSelection(lines: readonly ReviewLine[]): Selection {
  return lines.map((line) => line.match.kind === 'new');
}

/** The lines with one line's category changed, or cleared with null. */
export function setLineCategory(
  lines: readonly ReviewLine[],
  index: number,
  categoryId: string | null,
): readonly ReviewLine[] {
  return lines.map((line, i) => (i === index ? { ...line, categoryId } : line));
}

export function toggleLine(selection: Selection, index: number): Selection {
  return selection.map((included, i) => (i === index ? !included : included));
}

/** Includes or leaves out every line flagged as a duplicate at once. */
export function setDuplicates(lines: readonly ReviewLine[], selection: Selection, included: boolean): Selection {
  return selection.map((current, i) => (lines[i]?.match.kind === 'new' ? current : included));
}

export interface SelectionSummary {
  readonly lines: number;
  readonly included: number;
  /** Signed minor units of the included lines. */
  readonly sum: number;
  readonly duplicates: number;
  readonly duplicatesIncluded: number;
  /** Included lines of no amount (a waived fee): kept as records, neither money in nor out. */
  readonly noAmount: number;
}

/** Which way a line moves money; a zero amount (0.00, a waived fee) moves none. */
export function directionOf(amount: number): 'in' | 'out' | 'none' {
  return amount > 0 ? 'in' : amount < 0 ? 'out' : 'none';
}

export function summarise(lines: readonly ReviewLine[], selection: Selection): SelectionSummary {
  let included = 0;
  let sum = 0;
  let duplicates = 0;
  let duplicatesIncluded = 0;
  let noAmount = 0;
  lines.forEach((line, i) => {
    const chosen = selection[i] === true;
    const duplicate = line.match.kind !== 'new';
    if (chosen) {
      included += 1;
      sum += line.amount;
      if (line.amount === 0) noAmount += 1;
    }
    if (duplicate) duplicates += 1;
    if (duplicate && chosen) duplicatesIncluded += 1;
  });
  return { lines: lines.length, included, sum, duplicates, duplicatesIncluded, noAmount };
}

export interface ImportTarget {
  readonly accountId: string;
  readonly currency: string;
  /** The import's batch: every transaction it writes carries it, so it can be undone as one. */
  readonly batch: string;
  /** Categories that still exist: a suggestion for one deleted meanwhile is dropped. */
  readonly categoryIds: ReadonlySet<string>;
}

/** The schema's limits on a transaction's texts. */
const PAYEE_LENGTH = 200;
const NOTES_LENGTH = 2000;

/** A transaction to write, with the statement line it came from for a refusal to name. */
export interface LineToWrite {
  readonly line: number;
  readonly transaction: NewTransaction;
}

/** The transactions the included lines become, in the statement's order. */
export function transactionsToWrite(
  lines: readonly ReviewLine[],
  selection: Selection,
  target: ImportTarget,
): LineToWrite[] {
  const transactions: LineToWrite[] = [];
  lines.forEach((line, i) => {
    if (selection[i] !== true) return;
    const categoryId = line.categoryId !== null && target.categoryIds.has(line.categoryId) ? line.categoryId : null;
    const transaction: NewTransaction = {
      date: line.date,
      amount: line.amount,
      currency: target.currency,
      accountId: target.accountId,
      categoryId,
      payee: line.payee.trim().slice(0, PAYEE_LENGTH),
      notes: line.memo.trim().slice(0, NOTES_LENGTH),
      importId: importIdOf(target.batch, line.key),
    };
    transactions.push({ line: line.line, transaction });
  });
  return transactions;
}

/** The lines of one page of the review table, and how many pages there are. */
export function pageOf<T>(
  lines: readonly T[],
  page: number,
  size: number,
): { readonly lines: readonly T[]; readonly pages: number; readonly page: number } {
  const pages = Math.max(1, Math.ceil(lines.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { lines: lines.slice(current * size, (current + 1) * size), pages, page: current };
}
