/** Folds text the way search compares it: lowercase, accents dropped, so "Café" and "cafe" are one word. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a text, in order; anything that is not a letter or a digit separates them. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** What a transaction is found by. */
export interface Searchable {
  readonly payee: string;
  readonly notes: string;
  readonly tags: readonly string[];
}

/**
 * The words of a transaction's payee, notes and tags, each preceded by a space, so that "some
 * word starts with x" is one `includes(' x')` over the whole text: fast enough to scan 100,000
 * transactions while the person types.
 */
export function searchTextOf(transaction: Searchable): string {
  return searchWords([transaction.payee, transaction.notes, ...transaction.tags].join(' '))
    .map((word) => ` ${word}`)
    .join('');
}

/** What the person typed, as needles for `matchesSearch`; empty when there is nothing to look for. */
export type SearchQuery = readonly string[];

export function searchQuery(typed: string): SearchQuery {
  return [...new Set(searchWords(typed))].map((word) => ` ${word}`);
}

/** Every word typed starts some word of the transaction, in any order. */
export function matchesSearch(searchText: string, query: SearchQuery): boolean {
  for (const needle of query) if (!searchText.includes(needle)) return false;
  return true;
}
