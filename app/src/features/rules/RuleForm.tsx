import { type Category, type CategoryRule, type LedgerRecord, RULE_FIELDS } from '@tally/schema';
import { type FormEvent, useMemo, useState } from 'react';
import { saveForm, useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formMessages, wordMessages } from '../../ui/index.js';
import { ruleMessages } from './messages.js';
import { parseRuleForm, type RuleIssues } from './rule-form.js';
import { countMatches, type FoldedTarget } from './rule-matches.js';

interface RuleFormProps {
  readonly rule?: LedgerRecord<CategoryRule> | undefined;
  readonly rules: readonly LedgerRecord<CategoryRule>[];
  readonly categories: readonly LedgerRecord<Category>[];
  readonly transactions: readonly FoldedTarget[];
  readonly onDone: () => void;
}

export function categoryLabel(category: Category): string {
  return category.group ? `${category.group} · ${category.name}` : category.name;
}

/** Adds or edits a rule, showing as the person types how many transactions it would match. */
export function RuleForm({ rule, rules, categories, transactions, onDone }: RuleFormProps) {
  const { ledger } = useTally();
  const text = useText(ruleMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const [field, setField] = useState<string>(rule?.field ?? 'payee');
  const [contains, setContains] = useState(rule?.contains ?? '');
  const [categoryId, setCategoryId] = useState(rule?.categoryId ?? '');
  const [issues, setIssues] = useState<RuleIssues>({});
  const refusal = useRefusalText();
  const choices = categories.filter((category) => !category.archived || category.id === rule?.categoryId);
  const lookIn = field === 'notes' ? 'notes' : 'payee';
  const matching = useMemo(
    () => countMatches({ field: lookIn, contains }, transactions),
    [lookIn, contains, transactions],
  );
  const containsError = issues.contains && text(`issue.${issues.contains}`);
  const categoryError = issues.categoryId && text(`issue.${issues.categoryId}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const others = rules.filter((other) => other.id !== rule?.id);
    const saving = saveForm(ledger, {
      check: () => {
        const known = new Set(categories.map((category) => category.id));
        const parsed = parseRuleForm({ field, contains, categoryId }, known, others);
        return parsed.ok ? { fields: parsed.rule } : { issues: parsed.issues };
      },
      write: (fields) => {
        if (rule) ledger.rules.update(rule.id, fields);
        else ledger.rules.create(fields);
      },
      refused: (refused): RuleIssues => ({ form: refused }),
    });
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };
  const remove = () => {
    if (rule) ledger.rules.delete(rule.id);
    onDone();
  };

  return (
    <form
      className="form card rules__form"
      onSubmit={submit}
      noValidate
      data-testid="rule-form"
      onKeyDown={(event) => event.key === 'Escape' && onDone()}
    >
      <Field id="rule-field" label={text('field')}>
        <select
          id="rule-field"
          data-testid="rule-field"
          value={field}
          onChange={(event) => setField(event.target.value)}
        >
          {RULE_FIELDS.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="rule-contains" label={text('contains')} error={containsError}>
        <input
          id="rule-contains"
          data-testid="rule-contains"
          autoComplete="off"
          autoFocus
          placeholder={text('containsPlaceholder')}
          value={contains}
          onChange={(event) => setContains(event.target.value)}
          {...describedBy('rule-contains', containsError)}
        />
      </Field>
      <Field id="rule-category" label={words('category')} error={categoryError}>
        <select
          id="rule-category"
          data-testid="rule-category"
          value={categoryId}
          onChange={(event) => setCategoryId(event.target.value)}
          {...describedBy('rule-category', categoryError)}
        >
          <option value="">{words('chooseCategory')}</option>
          {choices.map((category) => (
            <option key={category.id} value={category.id}>
              {category.archived ? shared('archived', { name: categoryLabel(category) }) : categoryLabel(category)}
            </option>
          ))}
        </select>
      </Field>
      <p className="hint" data-testid="rule-form-matches" aria-live="polite">
        {text.count('matches', matching)}
      </p>
      {issues.form && (
        <p className="form__error" role="alert" data-testid="rule-form-error">
          {refusal(issues.form)}
        </p>
      )}
      <FormFooter
        remove={rule && { label: text('delete'), testId: 'delete-rule', onRemove: remove }}
        onCancel={onDone}
        cancelTestId="cancel-rule"
        saveLabel={text('save')}
        saveTestId="save-rule"
      />
    </form>
  );
}
