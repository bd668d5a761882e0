import type { Language, Messages } from './define-messages.js';

export type TextValues = Readonly<Record<string, string | number>>;

/** The base of a counted message: `rows` for the keys `rows.one` and `rows.other`. */
export type CountedKey<Key extends string> = Key extends `${infer Base}.other` ? Base : never;

/** Reads one feature's messages in one language. */
export interface Text<Key extends string> {
  (key: Key, values?: TextValues): string;
  /** A counted message (`key.one`, `key.other`…) chosen by the language's plural rules; `{count}` is the number, formatted. */
  count(key: CountedKey<Key>, count: number, values?: TextValues): string;
  /** The message cut at its placeholders, each filled with the value given (an element, say), for sentences that mark up a word. */
  parts<Value>(key: Key, values: Readonly<Record<string, Value>>): (string | Value)[];
  readonly language: Language;
  readonly locale: string;
}

export function textOf<Key extends string>(messages: Messages<Key>, language: Language, locale: string): Text<Key> {
  const catalogue: Readonly<Record<string, string>> = messages[language];
  const { numbers, plurals } = rulesOf(locale);
  // One pass over the message, so a value that itself holds braces (an account named "Trip {date}") stays as it is.
  const fill = (message: string, values: TextValues = {}): string =>
    message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  const text = (key: Key, values?: TextValues): string => fill(catalogue[key] ?? key, values);
  const count = (key: CountedKey<Key>, amount: number, values: TextValues = {}): string => {
    const message = catalogue[`${key}.${plurals.select(amount)}`] ?? catalogue[`${key}.other`] ?? key;
    return fill(message, { ...values, count: amount });
  };
  const parts = <Value>(key: Key, values: Readonly<Record<string, Value>>): (string | Value)[] =>
    (catalogue[key] ?? key)
      .split(/(\{\w+\})/)
      .filter((part) => part !== '')
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        const value = name === undefined ? undefined : values[name];
        return value === undefined ? part : value;
      });
  return Object.assign(text, { count, parts, language, locale });
}

interface LocaleRules {
  readonly numbers: Intl.NumberFormat;
  readonly plurals: Intl.PluralRules;
}

/**
 * One number format and plural rules per locale, shared by every component's text: building them
 * costs far more than using them, and a screen's first render reads a dozen features' messages.
 */
const rules = new Map<string, LocaleRules>();

function rulesOf(locale: string): LocaleRules {
  let shared = rules.get(locale);
  if (shared === undefined) {
    shared = { numbers: new Intl.NumberFormat(locale), plurals: new Intl.PluralRules(locale) };
    rules.set(locale, shared);
  }
  return shared;
}
