import { importIdOf, lineKeyOf } from './import-id.js';
import type { StatementLine } from './statement.js';

/** What duplicate detection needs of a transaction already in the account. */
export interface KnownTransaction {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
  readonly payee: string;
  readonly importId: string | null;
}

export type Match =
  | { readonly kind: 'new' }
  /** Imported before from the same statement line (same bank id, or same key). */
  | { readonly kind: 'same-import'; readonly transactionId: string }
  /** Entered by hand or imported from another file: same amount, a date close by, a similar payee. */
  | { readonly kind: 'likely'; readonly transactionId: string; readonly similarity: number };

/** Dates a bank may post a card payment after the user wrote it down. */
const DAYS_APART = 3;
const SIMILAR = 0.5;
/** Any record id: every batch prefix has the same length, so every stored key is cut alike. */
const BATCH_PLACEHOLDER = '0'.repeat(22);

function tokens(payee: string): Set<string> {
  return new Set(
    payee
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((token) => token.length > 1 && !/^\d+$/.test(token)),
  );
}

/** How alike two payees are: shared words over all words (0–1), ignoring case, accents, punctuation and numbers. */
export function payeeSimilarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return shared / (left.size + right.size - shared);
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/**
 * The key a statement line is remembered by: the bank's id when it gives one; otherwise its
 * date, amount and payee, numbered when a file holds several identical lines (two coffees on
 * one day), so re-importing the same file matches each line to itself.
 */
export function importKeys(lines: readonly StatementLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    if (line.bankId) return `fitid:${line.bankId}`;
    const base = `line:${line.date}|${line.amount}|${[...tokens(line.payee)].join(' ')}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}|${occurrence}`;
  });
}

/**
 * Matches each statement line against the account's transactions: first by import key (a
 * re-import adds nothing), then by likeness for transactions entered by hand. Each existing
 * transaction matches at most one line.
 */
export function matchDuplicates(lines: readonly StatementLine[], known: readonly KnownTransaction[]): Match[] {
  // A stored id is cut to the schema's length: compare keys cut the same way.
  const cut = (key: string): string => lineKeyOf(importIdOf(BATCH_PLACEHOLDER, key));
  const keys = importKeys(lines).map(cut);
  const byImportId = new Map<string, KnownTransaction>();
  for (const transaction of known)
    if (transaction.importId !== null) byImportId.set(cut(lineKeyOf(transaction.importId)), transaction);
  const taken = new Set<string>();
  const matches: Match[] = keys.map((key) => {
    const same = byImportId.get(key);
    if (!same) return { kind: 'new' };
    taken.add(same.id);
    return { kind: 'same-import', transactionId: same.id };
  });
  const byAmount = new Map<number, KnownTransaction[]>();
  for (const transaction of known) {
    const list = byAmount.get(transaction.amount) ?? [];
    list.push(transaction);
    byAmount.set(transaction.amount, list);
  }
  lines.forEach((line, i) => {
    if (matches[i]?.kind !== 'new') return;
    let best: { transaction: KnownTransaction; similarity: number } | undefined;
    for (const candidate of byAmount.get(line.amount) ?? []) {
      if (taken.has(candidate.id) || Math.abs(dayNumber(candidate.date) - dayNumber(line.date)) > DAYS_APART) continue;
      const similarity = payeeSimilarity(candidate.payee, line.payee);
      if (similarity >= SIMILAR && (!best || similarity > best.similarity))
        best = { transaction: candidate, similarity };
    }
    if (best) {
      taken.add(best.transaction.id);
      matches[i] = { kind: 'likely', transactionId: best.transaction.id, similarity: best.similarity };
    }
  });
  return matches;
}
