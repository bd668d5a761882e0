import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { savePersonForm } from './person-form.js';

let ledger: Ledger;
beforeEach(() => {
  ledger = openLedger(new Y.Doc());
});

describe('saving the person form', () => {
  test('[PPL1] someone without a relay account is added by name alone', () => {
    expect(savePersonForm(ledger, { name: '  Mia ' }, undefined)).toEqual({ saved: true });
    expect(ledger.people.list()).toEqual([expect.objectContaining({ name: 'Mia', userId: null, archived: false })]);
  });

  test('[PPL2] a member’s person, named after their email, is renamed, and opening the ledger again keeps the new name', () => {
    const person = ledger.ensurePerson({ userId: 'anaRelayAccountId12345', name: 'ana' });
    const opened = { name: 'ana' };
    expect(savePersonForm(ledger, { name: 'Ana García' }, { id: person.id, opened })).toEqual({ saved: true });
    ledger.ensurePerson({ userId: 'anaRelayAccountId12345', name: 'ana' });
    expect(ledger.personForUser('anaRelayAccountId12345')).toMatchObject({
      name: 'Ana García',
      userId: 'anaRelayAccountId12345',
    });
  });

  test('[LWW1] saving the form unchanged writes nothing over a rename made meanwhile on another device', () => {
    const person = ledger.people.create({ name: 'Ben' });
    const opened = { name: 'Ben' };
    ledger.people.update(person.id, { name: 'Benjamin' });
    expect(savePersonForm(ledger, opened, { id: person.id, opened })).toEqual({ saved: true });
    expect(ledger.people.get(person.id)).toMatchObject({ name: 'Benjamin' });
  });

  test('an empty or overlong name is refused and nothing is written', () => {
    expect(savePersonForm(ledger, { name: '   ' }, undefined)).toEqual({ issues: { name: 'nameInvalid' } });
    expect(savePersonForm(ledger, { name: 'x'.repeat(101) }, undefined)).toEqual({ issues: { name: 'nameInvalid' } });
    expect(ledger.people.size).toBe(0);
  });

  test('[REC5] a rename of a person deleted elsewhere is kept until saved again, which brings them back', () => {
    const person = ledger.people.create({ name: 'Kim' });
    const opened = { name: 'Kim' };
    ledger.people.delete(person.id);
    expect(savePersonForm(ledger, { name: 'Kimberly' }, { id: person.id, opened })).toEqual({ deleted: true });
    expect(savePersonForm(ledger, { name: 'Kimberly' }, { id: person.id, opened, restore: true })).toEqual({
      saved: true,
    });
    expect(ledger.people.get(person.id)).toMatchObject({ deleted: false, name: 'Kimberly' });
  });
});
