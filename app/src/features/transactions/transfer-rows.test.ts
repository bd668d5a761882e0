import { describe, expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { oneRowPerTransfer } from './transfer-rows.js';

function row(id: string, amount: number, transferId: string | null = null, accountId = 'checking'): TransactionRow {
  const fields = {
    id,
    date: '2026-11-01',
    amount,
    currency: 'USD',
    accountId,
    categoryId: null,
    payee: '',
    notes: '',
    tags: [],
    splits: [],
    shares: [],
    transferId,
    attachments: [],
  };
  return { ...fields, search: searchTextOf(fields) };
}

describe('a transfer in the list', () => {
  const coffee = row('coffee', -450);
  const out = row('out', -20000, 'in');
  const into = row('in', 20000, 'out', 'savings');

  test('is one row, the leg money leaves by, wherever its other leg sits', () => {
    expect(oneRowPerTransfer([into, coffee, out]).map((listed) => listed.id)).toEqual(['coffee', 'out']);
  });

  test('shows its leg when the list holds one account’s side of it only', () => {
    expect(oneRowPerTransfer([coffee, into]).map((listed) => listed.id)).toEqual(['coffee', 'in']);
  });

  test('counts as one row toward a limit', () => {
    expect(oneRowPerTransfer([out, into, coffee], 2).map((listed) => listed.id)).toEqual(['out', 'coffee']);
  });
});
