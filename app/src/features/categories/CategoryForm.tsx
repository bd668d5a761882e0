import {
  CATEGORY_KINDS,
  type Category,
  categoryKind,
  type Ledger,
  type LedgerRecord,
  validateRecord,
} from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { type Editing, type Refusal, type Saving, saveEdit, useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formMessages, wordMessages } from '../../ui/index.js';
import { categoryMessages } from './messages.js';

interface CategoryFormProps {
  readonly category?: LedgerRecord<Category> | undefined;
  readonly onDone: () => void;
}

/** What is wrong with a field of the category form, as the key of its message. */
export type CategoryProblem = 'nameInvalid' | 'groupInvalid' | 'kindInvalid';

/** What is wrong at each field; a refusal of the ledger is said for the whole form. */
export type CategoryIssues = Partial<Record<'name' | 'group' | 'kind', CategoryProblem>> & { readonly form?: Refusal };

/** The category form as typed. */
export interface CategoryFields {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
}

/** The category being edited: the form as it opened, so only what the person changed is written. */
export type CategoryEditing = Editing<CategoryFields>;

/** The ledger's issues by field: each field has one thing that can be wrong with it. */
const PROBLEM_OF_FIELD: Readonly<Record<string, readonly ['name' | 'group' | 'kind', CategoryProblem]>> = {
  name: ['name', 'nameInvalid'],
  group: ['group', 'groupInvalid'],
  kind: ['kind', 'kindInvalid'],
};

/**
 * Checks the form against the ledger's rules for a category, then creates the category or changes
 * it (`saveEdit`: an edit writes only the fields the person changed since the form opened, LWW1,
 * and an edit of a category deleted meanwhile is refused until it is saved again with `restore`).
 */
export function saveCategoryForm(
  ledger: Ledger,
  form: CategoryFields,
  editing: CategoryEditing | undefined,
): Saving<CategoryIssues> {
  return saveEdit(ledger, form, editing, {
    find: (id) => ledger.categories.get(id),
    draftOf: (current): CategoryFields => ({ name: current.name, group: current.group, kind: current.kind }),
    check: () => {
      const validation = validateRecord(categoryKind, {
        name: form.name.trim(),
        group: form.group.trim(),
        kind: form.kind,
      });
      if (validation.ok) return { fields: validation.record };
      const issues: { -readonly [Field in keyof CategoryIssues]: CategoryIssues[Field] } = {};
      for (const { field } of validation.issues) {
        const [at, problem] = PROBLEM_OF_FIELD[field] ?? ['name', 'nameInvalid'];
        issues[at] ??= problem;
      }
      return { issues };
    },
    create: ({ name, group, kind }) => ledger.categories.create({ name, group, kind }),
    update: (current, { name, group, kind }, changed) =>
      ledger.categories.update(current.id, {
        ...(changed('name') && { name }),
        ...(changed('group') && { group }),
        ...(changed('kind') && { kind }),
      }),
    restore: (current) => ledger.categories.restore(current.id),
    refused: (refusal) => ({ form: refusal }),
  });
}

export function CategoryForm({ category, onDone }: CategoryFormProps) {
  const text = useText(categoryMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { ledger } = useTally();
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState<CategoryFields | undefined>(
    () => category && { name: category.name, group: category.group, kind: category.kind },
  );
  const [name, setName] = useState(opened?.name ?? '');
  const [group, setGroup] = useState(opened?.group ?? '');
  const [kind, setKind] = useState<string>(opened?.kind ?? 'expense');
  const [issues, setIssues] = useState<CategoryIssues>({});
  const [deleted, setDeleted] = useState(false);
  const refusal = useRefusalText();

  const save = (restore: boolean) => {
    const saving = saveCategoryForm(
      ledger,
      { name, group, kind },
      category && opened && { id: category.id, opened, restore },
    );
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };
  const errors = {
    name: issues.name && text(issues.name),
    group: issues.group && text(issues.group),
    kind: issues.kind && text(issues.kind),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="category-form">
      <Field id="category-name" label={words('name')} error={errors.name}>
        <input
          id="category-name"
          data-testid="category-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...describedBy('category-name', errors.name)}
        />
      </Field>
      <Field id="category-group" label={text('group')} error={errors.group}>
        <input
          id="category-group"
          data-testid="category-group"
          placeholder={text('groupExample')}
          value={group}
          onChange={(event) => setGroup(event.target.value)}
          {...describedBy('category-group', errors.group)}
        />
      </Field>
      <Field id="category-kind" label={shared('kind')} error={errors.kind}>
        <select
          id="category-kind"
          data-testid="category-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {CATEGORY_KINDS.map((value) => (
            <option key={value} value={value}>
              {shared(value)}
            </option>
          ))}
        </select>
      </Field>
      {deleted && (
        <>
          <p className="form__error" role="alert" data-testid="category-deleted">
            {text('deleted')}
          </p>
          <button type="button" className="button" data-testid="category-restore-save" onClick={() => save(true)}>
            {text('restoreSave')}
          </button>
        </>
      )}
      <FormFooter
        error={issues.form && refusal(issues.form)}
        archive={
          category && {
            archived: category.archived,
            testId: 'archive-category',
            onToggle: () => {
              ledger.categories.update(category.id, { archived: !category.archived });
              onDone();
            },
          }
        }
        onCancel={onDone}
        saveLabel={text('save')}
        saveTestId="save-category"
      />
    </form>
  );
}
