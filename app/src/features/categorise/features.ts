/** What a suggestion is made from: the words of a transaction and the rough size of its amount. */
export interface Describable {
  readonly payee: string;
  readonly notes: string;
  /** Signed minor units. */
  readonly amount: number;
}

function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      // Store numbers and references ("#3556", "f3854") say nothing about the category.
      .filter((word) => word.length > 1 && !/\d/.test(word))
  );
}

/** A feature and how much it says: the merchant's words say more than the size of the amount. */
export type Feature = readonly [name: string, weight: number];

const PAYEE_WEIGHT = 2;

/**
 * The features of a transaction: payee words, notes words (kept apart: "rent" in notes and in a
 * payee mean different things), and whether money came in or went out with its order of magnitude.
 */
export function featuresOf(transaction: Describable): Feature[] {
  const magnitude = Math.abs(transaction.amount).toString().length;
  return [
    ...words(transaction.payee).map((word): Feature => [`p:${word}`, PAYEE_WEIGHT]),
    ...words(transaction.notes).map((word): Feature => [`n:${word}`, 1]),
    [`a:${transaction.amount >= 0 ? 'in' : 'out'}:${magnitude}`, 1],
  ];
}
