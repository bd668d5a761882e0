import { SeededRandom } from '@tally/schema/testing';
import { describe, expect, test } from 'vitest';
import { compareRows, searchTextOf, type TransactionRow } from '../../storage/index.js';
import { filterPlan, filtersAnything, matchesFilter, NO_FILTER, type TransactionFilter } from './transaction-filter.js';
import { TransactionFinder } from './transaction-finder.js';

const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 8 : 3));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);

const WORDS = [
  'Café',
  'cafe',
  'CAFÉ',
  'Müller',
  'muller',
  'Ñandú',
  'bakery',
  'Bak',
  'rent',
  'Straße',
  'über',
  'a',
  'ab',
];
const TAGS = ['holiday', 'Hol', 'trip', 'Date night', 'niño', '2026'];
const ACCOUNTS = ['checking', 'wallet', 'savings'];
const CATEGORIES = ['food', 'home', 'fun'];

function someWords(random: SeededRandom, most: number): string {
  const count = random.int(0, most);
  const words = Array.from({ length: count }, () => {
    const word = random.pick(WORDS);
    // Amounts and punctuation are in notes too: "12.50", "Müller-Bakery".
    return random.chance(0.2) ? `${word}${random.pick(['-', '.', ' ', '/'])}${random.int(0, 999)}` : word;
  });
  return words.join(random.pick([' ', '  ', ', ']));
}

function randomRow(random: SeededRandom, id: number): TransactionRow {
  const split = random.chance(0.15);
  const fields = {
    id: `t${id}`,
    date: `202${random.int(5, 6)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    amount: -random.int(1, 99_999),
    currency: 'EUR',
    accountId: random.pick(ACCOUNTS),
    categoryId: split || random.chance(0.2) ? null : random.pick(CATEGORIES),
    payee: someWords(random, 3),
    notes: someWords(random, 4),
    tags: random.chance(0.4) ? [random.pick(TAGS)] : [],
    splits: split
      ? [
          { categoryId: random.pick(CATEGORIES), amount: -1, memo: '' },
          { categoryId: random.pick(CATEGORIES), amount: -2, memo: '' },
        ]
      : [],
    shares: [],
    transferId: null,
    attachments: [],
  };
  return { ...fields, search: searchTextOf(fields) };
}

/** What a person might type: part of a word, several words, with accents, case, '#' or amounts. */
function randomText(random: SeededRandom): string {
  const words = Array.from({ length: random.int(0, 3) }, () => {
    const word = random.pick([...WORDS, ...TAGS, '12', '5', 'é', 'zz']);
    const typed = word.slice(0, random.int(1, word.length));
    const cased = random.chance(0.3) ? typed.toUpperCase() : typed;
    return random.chance(0.1) ? `#${cased}` : cased;
  });
  return words.join(random.pick([' ', ' - ', ',']));
}

function randomDay(random: SeededRandom): string {
  if (random.chance(0.4)) return '';
  return `202${random.int(4, 7)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 31)).padStart(2, '0')}`;
}

function randomFilter(random: SeededRandom): TransactionFilter {
  return {
    text: random.chance(0.8) ? randomText(random) : '',
    accountId: random.chance(0.3) ? random.pick(ACCOUNTS) : '',
    categoryId: random.chance(0.3) ? random.pick(CATEGORIES) : '',
    from: randomDay(random),
    to: randomDay(random),
  };
}

/** The filter as a person narrows it: a letter typed, or an account, a category or a closer day set. */
function narrower(random: SeededRandom, filter: TransactionFilter): TransactionFilter {
  switch (random.int(0, 4)) {
    case 0:
      return { ...filter, text: filter.text + random.pick(['a', 'e', 'é', 'r', 'y', ' ', 'l', '1', ' h', 'É']) };
    case 1:
      return { ...filter, accountId: random.pick(ACCOUNTS) };
    case 2:
      return { ...filter, categoryId: random.pick(CATEGORIES) };
    case 3:
      return { ...filter, from: filter.from ? nextMonth(filter.from) : randomDay(random) };
    default:
      return { ...filter, to: randomDay(random) };
  }
}

function nextMonth(day: string): string {
  const [year = 2026, month = 1] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The plain filter: every row checked against the whole filter. */
function everyRowChecked(rows: readonly TransactionRow[], filter: TransactionFilter): readonly TransactionRow[] {
  const plan = filterPlan(filter);
  return filtersAnything(plan) ? rows.filter((row) => matchesFilter(row, plan)) : rows;
}

describe('finding transactions', () => {
  test.each(seeds)(
    'finds exactly the rows that checking every row finds, for any rows and filters, narrowed or not (seed %i)',
    (seed) => {
      console.log(`transaction-finder seed ${seed} (TALLY_FUZZ_SEED=${seed} replays it)`);
      const random = new SeededRandom(seed);
      for (let ledger = 0; ledger < 20; ledger++) {
        const rows = Array.from({ length: random.int(0, 300) }, (_, id) => randomRow(random, id)).sort(compareRows);
        const finder = new TransactionFinder(rows);
        let filter = NO_FILTER;
        for (let search = 0; search < 60; search++) {
          filter = random.chance(0.5) ? narrower(random, filter) : randomFilter(random);
          expect(finder.find(filter), JSON.stringify(filter)).toEqual(everyRowChecked(rows, filter));
        }
      }
    },
  );
});
