import { describe, expect, it } from 'vitest';
import { currencyCode, money } from '../money/index.js';
import { accountBalances } from './account-balance.js';

describe('account balances', () => {
  it('add every transaction to the opening balance exactly, and point out ones in another currency', () => {
    const EUR = currencyCode('EUR');
    const { balances, mismatched } = accountBalances(
      [{ id: 'a', currency: EUR, openingBalance: 100_000 }],
      [
        { accountId: 'a', amount: -1, currency: EUR },
        { accountId: 'a', amount: -99_999, currency: EUR },
        { accountId: 'a', amount: 500, currency: currencyCode('USD') },
        { accountId: 'gone', amount: 7, currency: EUR },
      ],
    );
    expect(balances.get('a')).toEqual(money(0, 'EUR'));
    expect(mismatched).toEqual([{ accountId: 'a', amount: 500, currency: 'USD' }]);
  });
});
