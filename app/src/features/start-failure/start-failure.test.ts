import { expect, test } from 'vitest';
import { startFailureOf } from './start-failure.js';

test('a refused or missing IndexedDB reads as storage being unavailable, however it is wrapped', () => {
  expect(startFailureOf(new DOMException('The user denied permission.', 'SecurityError'))).toBe('unavailable');
  const dexieError = Object.assign(new Error('Database could not be opened'), {
    name: 'OpenFailedError',
    inner: new DOMException('A mutation operation was attempted', 'InvalidStateError'),
  });
  expect(startFailureOf(dexieError)).toBe('unavailable');
  expect(startFailureOf(Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' }))).toBe(
    'unavailable',
  );
});

test('a full storage reads as full, from the browser, from Dexie, or inside y-indexeddb’s plain error', () => {
  expect(startFailureOf(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe('storage-full');
  const wrapped = Object.assign(new Error('Write failed'), {
    name: 'OpenFailedError',
    inner: new DOMException('Quota exceeded', 'QuotaExceededError'),
  });
  expect(startFailureOf(wrapped)).toBe('storage-full');
  expect(startFailureOf(new Error('QuotaExceededError: the quota has been exceeded'))).toBe('storage-full');
});

test('anything else is a start that failed, not a storage problem', () => {
  expect(startFailureOf(new TypeError('x is not a function'))).toBe('failed');
  expect(startFailureOf('a thrown text')).toBe('failed');
});
