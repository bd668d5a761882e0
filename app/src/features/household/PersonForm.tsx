import type { LedgerRecord, Person } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formMessages } from '../../ui/index.js';
import { householdMessages } from './messages.js';
import { type PersonFields, type PersonIssues, savePersonForm } from './person-form.js';

interface PersonFormProps {
  /** The person renamed; none to add someone without a relay account. */
  readonly person?: LedgerRecord<Person> | undefined;
  readonly onDone: () => void;
}

/** Adds a person to the ledger, or renames or archives one (SPEC PPL1). */
export function PersonForm({ person, onDone }: PersonFormProps) {
  const text = useText(householdMessages);
  const words = useText(formMessages);
  const refusal = useRefusalText();
  const { ledger } = useTally();
  // The form as it opened: saving writes the name only when the person changed it.
  const [opened] = useState<PersonFields | undefined>(() => person && { name: person.name });
  const [name, setName] = useState(opened?.name ?? '');
  const [issues, setIssues] = useState<PersonIssues>({});
  const [deleted, setDeleted] = useState(false);

  const save = (restore: boolean) => {
    const saving = savePersonForm(ledger, { name }, person && opened && { id: person.id, opened, restore });
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };
  const nameError = issues.name && text(issues.name);

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="person-form">
      <Field id="person-name" label={words('name')} error={nameError}>
        <input
          id="person-name"
          data-testid="person-name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...describedBy('person-name', nameError)}
        />
      </Field>
      {deleted && (
        <>
          <p className="form__error" role="alert" data-testid="person-deleted">
            {text('personDeleted')}
          </p>
          <button type="button" className="button" data-testid="person-restore-save" onClick={() => save(true)}>
            {text('personRestoreSave')}
          </button>
        </>
      )}
      <FormFooter
        error={issues.form && refusal(issues.form)}
        archive={
          person && {
            archived: person.archived,
            testId: 'archive-person',
            onToggle: () => {
              ledger.people.update(person.id, { archived: !person.archived });
              onDone();
            },
          }
        }
        onCancel={onDone}
        saveLabel={person ? text('savePerson') : text('addPerson')}
        saveTestId="save-person"
      />
    </form>
  );
}
