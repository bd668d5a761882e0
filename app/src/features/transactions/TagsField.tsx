import { useEffect, useRef, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { describedBy, Field } from '../../ui/index.js';
import type { DraftIssue } from './draft-issues.js';
import { transactionEditorMessages } from './editor-messages.js';
import { addTag } from './tag-draft.js';

interface TagsFieldProps {
  readonly tags: readonly string[];
  readonly error: string | undefined;
  readonly onChange: (tags: readonly string[]) => void;
  readonly onRefused: (issue: DraftIssue) => void;
}

/** The transaction's tags, each removable, and a field to add one (Enter adds it too). */
export function TagsField({ tags, error, onChange, onRefused }: TagsFieldProps) {
  const text = useText(transactionEditorMessages);
  const [typed, setTyped] = useState('');
  const list = useRef<HTMLUListElement>(null);
  // A removed tag's button goes with it: focus moves to the tag now in its place, the one before, or the new-tag field.
  const focusTag = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusTag.current === undefined) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="remove-tag"]');
    const next = buttons?.[Math.min(focusTag.current, buttons.length - 1)];
    (next ?? document.getElementById('new-tag'))?.focus();
    focusTag.current = undefined;
  });
  const remove = (index: number) => {
    focusTag.current = index;
    onChange(tags.filter((_, at) => at !== index));
  };
  const add = () => {
    const added = addTag(tags, typed);
    if (!added.ok) {
      onRefused(added.issue);
      return;
    }
    onChange(added.tags);
    setTyped('');
  };
  return (
    <div className="tags-field">
      {tags.length > 0 && (
        <ul ref={list} className="tags-field__list" aria-label={text('tags')} data-testid="tags">
          {tags.map((tag, index) => (
            <li key={tag} className="tags-field__tag" data-testid="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tags-field__remove"
                aria-label={text('removeTag', { tag })}
                data-testid="remove-tag"
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field id="new-tag" label={text('newTag')} error={error}>
        <span className="tags-field__add">
          <input
            id="new-tag"
            data-testid="new-tag"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter adds the tag rather than saving the whole form half-typed.
              event.preventDefault();
              add();
            }}
            {...describedBy('new-tag', error)}
          />
          <button type="button" className="button" data-testid="add-tag" onClick={add}>
            {text('addTag')}
          </button>
        </span>
      </Field>
    </div>
  );
}
