import {
  CATEGORY_KINDS,
  type Category,
  categoryKind,
  type FieldIssue,
  type Ledger,
  LedgerError,
  type LedgerRecord,
  validateRecord,
} from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { type Text, useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter } from '../../ui/index.js';
import { categoryMessages } from './messages.js';

interface CategoryFormProps {
  readonly category?: LedgerRecord<Category> | undefined;
  readonly onDone: () => void;
}

type Issues = Partial<Record<'name' | 'group' | 'kind' | 'form', string>>;

/** The category form as typed. */
export interface CategoryFields {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
}

/** The category being edited: the form as it opened, so only what the person changed is written. */
export interface CategoryEditing {
  readonly id: string;
  readonly opened: CategoryFields;
  /** Save into a category another device deleted meanwhile, bringing it back. */
  readonly restore?: boolean;
}

export type CategorySaving =
  | { readonly saved: true }
  | { readonly refused: readonly FieldIssue[] }
  | { readonly deleted: true };

/**
 * Checks the form, then creates the category or changes it. An edit writes only the fields the
 * person changed since the form opened, so a field another device changed meanwhile keeps that
 * device's value (LWW1); an edit of a category deleted meanwhile is refused (`deleted`) until it is
 * saved again with `restore`, never dropped.
 */
export function saveCategoryForm(
  ledger: Ledger,
  form: CategoryFields,
  editing: CategoryEditing | undefined,
): CategorySaving {
  const current = editing ? ledger.categories.get(editing.id) : undefined;
  if (editing && (!current || current.deleted) && !editing.restore) return { deleted: true };
  const validation = validateRecord(categoryKind, {
    name: form.name.trim(),
    group: form.group.trim(),
    kind: form.kind,
  });
  if (!validation.ok) return { refused: validation.issues };
  const { name, group, kind } = validation.record;
  try {
    if (!current || !editing) {
      ledger.categories.create({ name, group, kind });
      return { saved: true };
    }
    const changed = (field: keyof CategoryFields) => editing.restore === true || form[field] !== editing.opened[field];
    ledger.transact(() => {
      if (current.deleted) ledger.categories.restore(current.id);
      ledger.categories.update(current.id, {
        ...(changed('name') && { name }),
        ...(changed('group') && { group }),
        ...(changed('kind') && { kind }),
      });
    });
    return { saved: true };
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { refused: error.issues.length > 0 ? error.issues : [{ field: '', message: error.message }] };
  }
}

/** The ledger's issues in the person's language: each field has one thing that can be wrong with it. */
function collect(found: readonly FieldIssue[], text: Text<keyof (typeof categoryMessages)['en']>): Issues {
  const issues: Issues = {};
  for (const issue of found) {
    if (issue.field === 'name') issues.name = text('nameInvalid');
    else if (issue.field === 'group') issues.group = text('groupInvalid');
    else if (issue.field === 'kind') issues.kind = text('kindInvalid');
    else issues.form ??= text('notSaved', { reason: issue.message });
  }
  return issues;
}

export function CategoryForm({ category, onDone }: CategoryFormProps) {
  const text = useText(categoryMessages);
  const { ledger } = useTally();
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState<CategoryFields | undefined>(
    () => category && { name: category.name, group: category.group, kind: category.kind },
  );
  const [name, setName] = useState(opened?.name ?? '');
  const [group, setGroup] = useState(opened?.group ?? '');
  const [kind, setKind] = useState<string>(opened?.kind ?? 'expense');
  const [issues, setIssues] = useState<Issues>({});
  const [deleted, setDeleted] = useState(false);

  const save = (restore: boolean) => {
    const saving = saveCategoryForm(
      ledger,
      { name, group, kind },
      category && opened && { id: category.id, opened, restore },
    );
    setDeleted('deleted' in saving);
    if ('refused' in saving) setIssues(collect(saving.refused, text));
    if ('saved' in saving) onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="category-form">
      <Field id="category-name" label={text('name')} error={issues.name}>
        <input
          id="category-name"
          data-testid="category-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...describedBy('category-name', issues.name)}
        />
      </Field>
      <Field id="category-group" label={text('group')} error={issues.group}>
        <input
          id="category-group"
          data-testid="category-group"
          placeholder={text('groupExample')}
          value={group}
          onChange={(event) => setGroup(event.target.value)}
          {...describedBy('category-group', issues.group)}
        />
      </Field>
      <Field id="category-kind" label={text('kind')} error={issues.kind}>
        <select
          id="category-kind"
          data-testid="category-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {CATEGORY_KINDS.map((value) => (
            <option key={value} value={value}>
              {text(`kind.${value}`)}
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
        error={issues.form}
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
