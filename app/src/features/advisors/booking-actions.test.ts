import { expect, test } from 'vitest';
import { actionsFor } from './booking-actions.js';

test('a request is answered by the advisor and withdrawn by the client; a confirmed session ends by either', () => {
  expect(actionsFor('requested', 'advisor')).toEqual(['accept', 'decline']);
  expect(actionsFor('requested', 'client')).toEqual(['cancel']);
  expect(actionsFor('confirmed', 'advisor')).toEqual(['complete', 'no-show', 'cancel']);
  expect(actionsFor('confirmed', 'client')).toEqual(['cancel']);
  expect(actionsFor('completed', 'advisor')).toEqual([]);
});
