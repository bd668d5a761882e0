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
 * Recently folded texts: a ledger repeats its payees, notes and tags on many transactions, and
 * folding them is most of indexing one (a fresh device indexes 100,000 at once). Forgotten whole
 * once full.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 4_096;

/** The folded words of a transaction's payee, notes and tags, one space between each. */
export function searchTextOf(transaction: Searchable): string {
  const text = [transaction.payee, transaction.notes, ...transaction.tags].join(' ');
  let words = folded.get(text);
  if (words === undefined) {
    words = searchWords(text).join(' ');
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(text, words);
  }
  return words;
}

/** What the person typed, as folded words for `matchesSearch`; empty when there is nothing to look for. */
export type SearchQuery = readonly string[];

export function searchQuery(typed: string): SearchQuery {
  return [...new Set(searchWords(typed))];
}

/** Every word typed starts some word of the transaction, in any order. */
export function matchesSearch(searchText: string, query: SearchQuery): boolean {
  for (const word of query) if (!startsSomeWord(searchText, word)) return false;
  return true;
}

/**
 * Looks for the word itself and then checks it starts a word there: searching for its rare first
 * letter is several times faster than searching for a space before it, which is everywhere.
 */
function startsSomeWord(searchText: string, word: string): boolean {
  for (let at = searchText.indexOf(word); at !== -1; at = searchText.indexOf(word, at + 1)) {
    if (at === 0 || searchText.charCodeAt(at - 1) === SPACE) return true;
  }
  return false;
}

const SPACE = 0x20;
