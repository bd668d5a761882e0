import { CATEGORY_KINDS, categoryKind, LedgerError, validateRecord, type Category, type FieldIssue, type LedgerRecord } from '@tally/schema';
import { useState, type FormEvent } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useText, type Text } from '../../i18n/index.js';
import { describedBy, Field } from '../../ui/Field.js';
import { FormFooter } from '../../ui/FormFooter.js';
import { categoryMessages } from './messages.js';

interface CategoryFormProps {
  readonly category?: LedgerRecord<Category> | undefined;
  readonly onDone: () => void;
}

type Issues = Partial<Record<'name' | 'group' | 'kind' | 'form', string>>;

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
  const [name, setName] = useState(category?.name ?? '');
  const [group, setGroup] = useState(category?.group ?? '');
  const [kind, setKind] = useState<string>(category?.kind ?? 'expense');
  const [issues, setIssues] = useState<Issues>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const validation = validateRecord(categoryKind, { name: name.trim(), group: group.trim(), kind });
    if (!validation.ok) {
      setIssues(collect(validation.issues, text));
      return;
    }
    const { record } = validation;
    try {
      if (category) ledger.categories.update(category.id, { name: record.name, group: record.group, kind: record.kind });
      else ledger.categories.create({ name: record.name, group: record.group, kind: record.kind });
      onDone();
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      setIssues(collect(error.issues.length > 0 ? error.issues : [{ field: '', message: error.message }], text));
    }
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="category-form">
      <Field id="category-name" label={text('name')} error={issues.name}>
        <input id="category-name" data-testid="category-name" value={name} onChange={(event) => setName(event.target.value)} {...describedBy('category-name', issues.name)} />
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
        <select id="category-kind" data-testid="category-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
          {CATEGORY_KINDS.map((value) => (
            <option key={value} value={value}>
              {text(`kind.${value}`)}
            </option>
          ))}
        </select>
      </Field>
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
