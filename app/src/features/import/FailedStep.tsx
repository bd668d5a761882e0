import { useText } from '../../i18n/index.js';
import { ErrorReason } from './ErrorReason.js';
import { importMessages } from './messages.js';
import { StepHeading } from './StepHeading.js';
import type { ImportErrorCode, ImportErrorValues } from './statement.js';

interface FailedStepProps {
  readonly fileName: string;
  readonly line: number;
  readonly code: ImportErrorCode;
  readonly values: ImportErrorValues;
  readonly onChooseAnother: () => void;
}

/** Why the file cannot be imported, naming its line; an import is written whole or not at all, so nothing was added. */
export function FailedStep({ fileName, line, code, values, onChooseAnother }: FailedStepProps) {
  const text = useText(importMessages);
  return (
    <section
      className="card"
      aria-labelledby="import-error-title"
      data-testid="import-error"
      data-line={line}
      data-code={code}
    >
      <StepHeading id="import-error-title">
        {text(code === 'undone' ? 'error.stoppedTitle' : 'error.title')}
      </StepHeading>
      <div role="alert">
        <p className="import__file">{fileName}</p>
        <p className="form__error" data-testid="import-error-reason">
          {line > 0 && <strong>{text('error.atLine', { line })} </strong>}
          <ErrorReason code={code} values={values} />
        </p>
        <p data-testid="import-error-written">{text('error.nothingWritten')}</p>
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="import-choose-another"
          onClick={onChooseAnother}
        >
          {text('error.chooseAnother')}
        </button>
      </div>
    </section>
  );
}
