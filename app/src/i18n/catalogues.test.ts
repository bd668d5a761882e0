import { describe, expect, test } from 'vitest';
import { LANGUAGES, type Language, placeholdersOf } from './define-messages.js';
import { textOf } from './text.js';

type Catalogues = Readonly<Record<Language, Readonly<Record<string, string>>>>;

/** Every way a translated catalogue can fall short of the English one. */
function problemsOf(name: string, messages: Catalogues): string[] {
  const problems: string[] = [];
  const reference = messages.en;
  for (const language of LANGUAGES) {
    const catalogue = messages[language];
    for (const key of Object.keys(reference)) {
      const message = catalogue[key];
      if (message === undefined) problems.push(`${name}.${language} misses "${key}"`);
      else if (message.trim() === '') problems.push(`${name}.${language} has an empty "${key}"`);
      else if (
        placeholdersOf(message).sort().join() !==
        placeholdersOf(reference[key] ?? '')
          .sort()
          .join()
      ) {
        problems.push(
          `${name}.${language} "${key}" uses {${placeholdersOf(message).join('}, {')}} where English uses {${placeholdersOf(reference[key] ?? '').join('}, {')}}`,
        );
      }
    }
    for (const key of Object.keys(catalogue)) {
      if (!(key in reference)) problems.push(`${name}.${language} has "${key}", which English does not`);
      const counted = /^(.*)\.(zero|one|two|few|many)$/.exec(key);
      if (counted && !(`${counted[1]}.other` in catalogue))
        problems.push(`${name}.${language} has "${key}" without "${counted[1]}.other"`);
    }
  }
  return problems;
}

/**
 * English strings defined in more than one place, each with where: a word every screen shares
 * lives once (`ui/messages.ts`), so it is translated once. The forms of one counted message
 * (`x.one`, `x.other`) may read alike in English: other languages tell them apart.
 */
function definedTwice(catalogues: readonly { name: string; messages: Catalogues }[]): [string, string][] {
  const places = new Map<string, string[]>();
  for (const { name, messages } of catalogues) {
    const counted = new Set<string>();
    for (const [key, english] of Object.entries(messages.en)) {
      const base = /^(.*)\.(zero|one|two|few|many|other)$/.exec(key)?.[1];
      if (base !== undefined && counted.has(`${base}\u0000${english}`)) continue;
      if (base !== undefined) counted.add(`${base}\u0000${english}`);
      places.set(english, [...(places.get(english) ?? []), `${name}.${key}`]);
    }
  }
  return [...places].filter(([, where]) => where.length > 1).map(([english, where]) => [english, where.join(', ')]);
}

function isCatalogues(value: unknown): value is Catalogues {
  if (typeof value !== 'object' || value === null) return false;
  const entries: Record<string, unknown> = { ...value };
  return LANGUAGES.every((language) => typeof entries[language] === 'object' && entries[language] !== null);
}

const modules = import.meta.glob<Record<string, unknown>>('../**/*messages.ts', { eager: true });
const catalogues = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, Catalogues] => isCatalogues(entry[1]))
    .map(([name, messages]) => ({ name: `${path.replace('../', '')}#${name}`, messages })),
);

describe('message catalogues', () => {
  test('every feature has its messages in a catalogue', () => {
    expect(catalogues.length).toBeGreaterThan(5);
  });

  test.each(catalogues.map((catalogue) => [catalogue.name, catalogue.messages] as const))(
    '%s: Spanish and German have every English key, with the same placeholders',
    (name, messages) => {
      expect(problemsOf(name, messages)).toEqual([]);
    },
  );

  test('no English string is defined twice: shared words live once', () => {
    expect(definedTwice(catalogues)).toEqual([]);
  });

  test('an English string defined in two catalogues, or twice in one, is caught', () => {
    const words = { en: { cancel: 'Cancel' }, es: { cancel: 'Cancelar' }, de: { cancel: 'Abbrechen' } };
    const budgets = {
      en: {
        cancel: 'Cancel',
        title: 'Budgets',
        heading: 'Budgets',
        'rows.one': '{count} rows',
        'rows.other': '{count} rows',
      },
      es: {
        cancel: 'Cancelar',
        title: 'Presupuestos',
        heading: 'Presupuestos',
        'rows.one': '{count} fila',
        'rows.other': '{count} filas',
      },
      de: {
        cancel: 'Abbrechen',
        title: 'Budgets',
        heading: 'Budgets',
        'rows.one': '{count} Zeile',
        'rows.other': '{count} Zeilen',
      },
    };
    expect(
      definedTwice([
        { name: 'words', messages: words },
        { name: 'budgets', messages: budgets },
      ]),
    ).toEqual([
      ['Cancel', 'words.cancel, budgets.cancel'],
      ['Budgets', 'budgets.title, budgets.heading'],
    ]);
  });

  test('a catalogue that misses a key, adds one or drops a placeholder is caught', () => {
    const broken: Catalogues = {
      en: { title: 'Budgets', spent: 'Spent {amount}' },
      es: { title: 'Presupuestos', spent: 'Gastado' },
      de: { title: 'Budgets', extra: 'Extra' },
    };
    expect(problemsOf('broken', broken)).toEqual([
      'broken.es "spent" uses {} where English uses {amount}',
      'broken.de misses "spent"',
      'broken.de has "extra", which English does not',
    ]);
  });
});

describe('reading a message', () => {
  const messages = {
    en: { greeting: 'Hello {name}', 'rows.one': '{count} row', 'rows.other': '{count} rows' },
    es: { greeting: 'Hola {name}', 'rows.one': '{count} fila', 'rows.other': '{count} filas' },
    de: { greeting: 'Hallo {name}', 'rows.one': '{count} Zeile', 'rows.other': '{count} Zeilen' },
  };

  test('fills placeholders and picks the plural form of the language, with the number in its locale', () => {
    const german = textOf(messages, 'de', 'de-DE');
    expect(german('greeting', { name: 'Ana' })).toBe('Hallo Ana');
    expect(german.count('rows', 1)).toBe('1 Zeile');
    expect(german.count('rows', 12345)).toBe('12.345 Zeilen');
    expect(textOf(messages, 'en', 'en-US').count('rows', 0)).toBe('0 rows');
  });

  test('leaves a value as it is even when it looks like a placeholder', () => {
    const english = textOf({ ...messages, en: { ...messages.en, greeting: 'Hello {name}, {count}' } }, 'en', 'en-US');
    expect(english('greeting', { name: 'Trip {count}', count: 2 })).toBe('Hello Trip {count}, 2');
  });

  test('cuts a message at its placeholders so a word in it can be marked up, in the order the language puts it', () => {
    const bold = (value: string) => ({ bold: value });
    expect(textOf(messages, 'es', 'es-ES').parts('greeting', { name: bold('Ana') })).toEqual([
      'Hola ',
      { bold: 'Ana' },
    ]);
  });
});
