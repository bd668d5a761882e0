import { type Ledger, personKind, validateRecord } from '@tally/schema';
import { type Editing, type Refusal, type Saving, saveEdit } from '../../forms/index.js';

/** The person form as typed. */
export interface PersonFields {
  readonly name: string;
}

/** What is wrong with the form: a name the ledger refuses, or a refusal of the ledger as a whole. */
export interface PersonIssues {
  readonly name?: 'nameInvalid';
  readonly form?: Refusal;
}

/**
 * Adds someone to the ledger's people — a child, a flatmate who does not use Tally: a person with
 * no relay account (SPEC PPL1) — or renames one (`saveEdit`: only a changed name is written, LWW1;
 * a rename outranks the name a member's device gave their person on opening the ledger, PPL2).
 */
export function savePersonForm(
  ledger: Ledger,
  form: PersonFields,
  editing: Editing<PersonFields> | undefined,
): Saving<PersonIssues> {
  return saveEdit(ledger, form, editing, {
    find: (id) => ledger.people.get(id),
    draftOf: (current): PersonFields => ({ name: current.name }),
    check: () => {
      const validation = validateRecord(personKind, { name: form.name.trim() });
      if (validation.ok) return { fields: { name: validation.record.name } };
      const issues: PersonIssues = { name: 'nameInvalid' };
      return { issues };
    },
    create: ({ name }) => ledger.people.create({ name }),
    update: (current, { name }, changed) => {
      if (changed('name')) ledger.people.update(current.id, { name });
    },
    restore: (current) => ledger.people.restore(current.id),
    refused: (refusal) => ({ form: refusal }),
  });
}
