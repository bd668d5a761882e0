import { describe, expect, test } from 'vitest';
import { accountScope, type ReportRequest, sameRequest } from './report-request.js';

describe('report requests', () => {
  test('with no account left out a report covers every account, including ones added later', () => {
    expect(accountScope(['checking', 'savings'], new Set())).toBeNull();
    expect(accountScope(['checking', 'savings'], new Set(['deleted-account']))).toBeNull();
  });

  test('leaving accounts out keeps the others, and leaving all out leaves none', () => {
    expect(accountScope(['checking', 'savings', 'card'], new Set(['savings']))).toEqual(['checking', 'card']);
    expect(accountScope(['checking'], new Set(['checking']))).toEqual([]);
  });

  test('a result copied back from the worker still matches the request it answers', () => {
    const request: ReportRequest = {
      kind: 'spending',
      from: '2026-01-01',
      to: '2026-03-31',
      accountIds: ['a', 'b'],
      categoryId: null,
    };
    expect(sameRequest(request, structuredClone(request))).toBe(true);
    expect(sameRequest(request, { ...request, accountIds: null })).toBe(false);
    expect(sameRequest(request, { ...request, accountIds: ['a'] })).toBe(false);
    expect(sameRequest(request, { ...request, to: '2026-04-30' })).toBe(false);
    expect(sameRequest(request, { ...request, kind: 'net-worth' })).toBe(false);
  });
});
