/** The languages Tally's interface is written in; English is the reference every other catalogue matches. */
export const LANGUAGES = ['en', 'es', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One feature's messages in every language, keyed alike. */
export type Messages<Key extends string> = { readonly [L in Language]: Readonly<Record<Key, string>> };

/**
 * Declares a feature's messages. English fixes the keys; the type checker refuses a Spanish or
 * German catalogue that misses one or adds one, and `catalogues.test.ts` checks the same at run
 * time along with the `{placeholders}` each message uses.
 *
 * A message may name values as `{name}`; counted messages come as a pair of keys `x.one` and
 * `x.other` (and `x.many` where a language needs it), read with `text.count('x', n)`.
 */
export function defineMessages<const Key extends string>(messages: {
  readonly en: Readonly<Record<Key, string>>;
  readonly es: NoInfer<Readonly<Record<Key, string>>>;
  readonly de: NoInfer<Readonly<Record<Key, string>>>;
}): Messages<Key> {
  return messages;
}

/** The `{name}` placeholders a message uses, in order of first use. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))];
}
