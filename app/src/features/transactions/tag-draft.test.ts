import { expect, test } from 'vitest';
import { addTag, MAX_TAGS } from './tag-draft.js';

test('a tag is added trimmed and without a leading #, and only once whatever its case', () => {
  expect(addTag(['trip'], '  #Lisbon ')).toEqual({ ok: true, tags: ['trip', 'Lisbon'] });
  expect(addTag(['trip'], 'TRIP')).toEqual({ ok: true, tags: ['trip'] });
  expect(addTag(['trip'], '   ')).toEqual({ ok: true, tags: ['trip'] });
});

test('a tag too long, or one too many, is refused with a reason', () => {
  expect(addTag([], 'x'.repeat(51))).toEqual({ ok: false, issue: 'tags-invalid' });
  expect(
    addTag(
      Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`),
      'one more',
    ),
  ).toEqual({ ok: false, issue: 'tags-invalid' });
});
