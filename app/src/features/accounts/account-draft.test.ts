import { describe, expect, test } from 'vitest';
import { readAccountDraft } from './account-draft.js';

const draft = { name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: '' };

describe('reading the account form', () => {
  test('reads the opening balance in the account’s currency, the way the locale writes amounts', () => {
    expect(readAccountDraft({ ...draft, openingBalance: '1.234,56' }, 'de-DE')).toEqual({
      ok: true,
      account: { name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 123456 },
    });
    expect(readAccountDraft({ ...draft, currency: ' jpy ', openingBalance: '1,234' }, 'en-US')).toMatchObject({
      ok: true,
      account: { currency: 'JPY', openingBalance: 1234 },
    });
  });

  test('an empty opening balance is zero', () => {
    expect(readAccountDraft(draft, 'en-US')).toMatchObject({ ok: true, account: { openingBalance: 0 } });
  });

  test('tells a code it does not know from something that is not a code', () => {
    expect(readAccountDraft({ ...draft, currency: 'ABC' }, 'en-US')).toEqual({
      ok: false,
      issues: { currency: 'unknown' },
    });
    expect(readAccountDraft({ ...draft, currency: 'euro' }, 'en-US')).toEqual({
      ok: false,
      issues: { currency: 'not-a-code' },
    });
    expect(readAccountDraft({ ...draft, currency: '' }, 'en-US')).toEqual({
      ok: false,
      issues: { currency: 'missing' },
    });
  });

  test('says what is wrong with each field at once', () => {
    expect(
      readAccountDraft({ name: ' ', type: 'piggy bank', currency: 'USD', openingBalance: '12.345' }, 'en-US'),
    ).toEqual({
      ok: false,
      issues: {
        name: 'missing',
        type: 'unknown',
        openingBalance: { code: 'money.too-many-decimals', values: { currency: 'USD', digits: 2 } },
      },
    });
    expect(readAccountDraft({ ...draft, name: 'x'.repeat(101) }, 'en-US')).toEqual({
      ok: false,
      issues: { name: 'too-long' },
    });
  });
});
