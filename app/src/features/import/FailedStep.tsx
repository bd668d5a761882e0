import { useRef } from 'react';
import { useText } from '../../i18n/index.js';
import { ErrorReason } from './ErrorReason.js';
import { importMessages } from './messages.js';
import type { RecentImport } from './recent-imports.js';
import { StepHeading } from './StepHeading.js';
import type { ImportErrorCode, ImportErrorValues } from './statement.js';
import { UndoStatus } from './UndoStatus.js';
import { useUndo } from './use-undo.js';

interface FailedStepProps {
  readonly fileName: string;
  readonly line: number;
  readonly code: ImportErrorCode;
  readonly values: ImportErrorValues;
  /** What an import that stopped partway wrote; null when nothing was written. */
  readonly partial: RecentImport | null;
  /** False once that partial import has been undone, here or from the list of recent imports. */
  readonly canUndo: boolean;
  readonly onUndo: (entry: RecentImport) => Promise<number>;
  readonly onChooseAnother: () => void;
}

/** Why the file cannot be imported, naming its line, and what was written: nothing, or a part to undo. */
export function FailedStep({
  fileName,
  line,
  code,
  values,
  partial,
  canUndo,
  onUndo,
  onChooseAnother,
}: FailedStepProps) {
  const text = useText(importMessages);
  const another = useRef<HTMLButtonElement>(null);
  const undo = useUndo(onUndo, another);
  return (
    <section
      className="card"
      aria-labelledby="import-error-title"
      data-testid="import-error"
      data-line={line}
      data-code={code}
      data-written={partial?.count ?? 0}
    >
      <StepHeading id="import-error-title">
        {text(code === 'interrupted' || code === 'undone' ? 'error.stoppedTitle' : 'error.title')}
      </StepHeading>
      <div role="alert">
        <p className="import__file">{fileName}</p>
        <p className="form__error" data-testid="import-error-reason">
          {line > 0 && <strong>{text('error.atLine', { line })} </strong>}
          <ErrorReason code={code} values={values} />
        </p>
        <p data-testid="import-error-written">
          {partial
            ? text.count('error.written', partial.count, { total: partial.total })
            : text('error.nothingWritten')}
        </p>
      </div>
      <UndoStatus outcome={undo.outcome} testId="import-undone" />
      <div className="form__actions">
        {partial && canUndo && (
          <button
            type="button"
            className="button button--danger"
            data-testid="undo-import"
            aria-disabled={undo.running !== null}
            onClick={() => undo.run(partial)}
          >
            {text.count('error.undoWritten', partial.count)}
          </button>
        )}
        <button
          ref={another}
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
