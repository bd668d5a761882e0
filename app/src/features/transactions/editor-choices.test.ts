import { describe, expect, test } from 'vitest';
import { choicesFor } from './editor-choices.js';

const records = [
  { id: 'checking', archived: false },
  { id: 'old-card', archived: true },
  { id: 'closed', archived: true },
];

describe('what the transaction editor offers to choose', () => {
  test('archived accounts and categories are left out of a new transaction', () => {
    expect(choicesFor(records, []).map((record) => record.id)).toEqual(['checking']);
  });

  test('an archived one the edited transaction uses stays listed, so its choice is shown as it is', () => {
    expect(choicesFor(records, ['old-card']).map((record) => record.id)).toEqual(['checking', 'old-card']);
  });
});
