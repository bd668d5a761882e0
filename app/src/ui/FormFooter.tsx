import { useText } from '../i18n/index.js';
import { formMessages } from './messages.js';

interface FormFooterProps {
  /** A message about the whole form, shown above its buttons. */
  readonly error?: string | undefined;
  /** For a record that exists: archive or bring it back. */
  readonly archive?: { readonly archived: boolean; readonly testId: string; readonly onToggle: () => void } | undefined;
  /** For a record that exists and may go: delete it. */
  readonly remove?: { readonly label: string; readonly testId: string; readonly onRemove: () => void } | undefined;
  readonly onCancel: () => void;
  readonly cancelTestId?: string | undefined;
  readonly saveLabel: string;
  readonly saveTestId: string;
}

/** The end of a record form: its form-wide error, then archive or delete, cancel and save. */
export function FormFooter({ error, archive, remove, onCancel, cancelTestId, saveLabel, saveTestId }: FormFooterProps) {
  const text = useText(formMessages);
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        {archive && (
          <button type="button" className="button" data-testid={archive.testId} onClick={archive.onToggle}>
            {archive.archived ? text('unarchive') : text('archive')}
          </button>
        )}
        {remove && (
          <button type="button" className="button button--danger" data-testid={remove.testId} onClick={remove.onRemove}>
            {remove.label}
          </button>
        )}
        <span className="form__spacer" />
        <button type="button" className="button" data-testid={cancelTestId} onClick={onCancel}>
          {text('cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid={saveTestId}>
          {saveLabel}
        </button>
      </div>
    </>
  );
}
