import { useText } from '../i18n/index.js';
import { formMessages } from './messages.js';

interface FormFooterProps {
  /** A message about the whole form, shown above its buttons. */
  readonly error?: string | undefined;
  /** For a record that exists: archive or bring it back. */
  readonly archive?: { readonly archived: boolean; readonly testId: string; readonly onToggle: () => void } | undefined;
  readonly onCancel: () => void;
  readonly saveLabel: string;
  readonly saveTestId: string;
}

/** The end of a record form: its form-wide error, then archive, cancel and save. */
export function FormFooter({ error, archive, onCancel, saveLabel, saveTestId }: FormFooterProps) {
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
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onCancel}>
          {text('cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid={saveTestId}>
          {saveLabel}
        </button>
      </div>
    </>
  );
}
