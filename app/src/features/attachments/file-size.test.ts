import { expect, test } from 'vitest';
import { fileSizeLimit } from './file-size.js';

test('a relay’s file limit reads in the largest whole unit, in the person’s language', () => {
  expect(fileSizeLimit('en-US', 15 * 1024 * 1024)).toBe('15 MB');
  expect(fileSizeLimit('de-DE', 2.5 * 1024 * 1024)).toBe('2,5 MB');
  expect(fileSizeLimit('en-US', 64 * 1024)).toBe('64 kB');
  expect(fileSizeLimit('es-ES', 100)).toBe('100 B');
});
