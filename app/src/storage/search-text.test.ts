import { describe, expect, test } from 'vitest';
import { searchTextOf } from './search-text.js';

describe('a transaction’s search words', () => {
  test('are its payee, notes and tags folded, the same however often the same words come again', () => {
    const lunch = { payee: 'Café Müller', notes: 'Lunch with ÅSA', tags: ['work', 'Trip-2026'] };
    const words = 'cafe muller lunch with asa work trip 2026';
    expect(searchTextOf(lunch)).toBe(words);
    expect(searchTextOf({ ...lunch })).toBe(words);
    // Far more texts than the folded ones kept: each is still folded as itself.
    for (let n = 0; n < 10_000; n++) {
      expect(searchTextOf({ payee: `Shop ${n}`, notes: '', tags: [] })).toBe(`shop ${n}`);
    }
    expect(searchTextOf(lunch)).toBe(words);
    expect(searchTextOf({ payee: 'Café', notes: 'Müller', tags: [] })).toBe('cafe muller');
  });
});
