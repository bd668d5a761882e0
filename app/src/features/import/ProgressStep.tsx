import { useText } from '../../i18n/index.js';
import { formMessages } from '../../ui/index.js';
import { importMessages } from './messages.js';
import { StepHeading } from './StepHeading.js';
import type { ImportStep } from './use-import.js';

type Working = Extract<ImportStep, { kind: 'working' }>;

/** What the worker (or the ledger) is doing with a file, and a way out while nothing is written. */
export function ProgressStep({
  fileName,
  progress,
  onCancel,
}: {
  readonly fileName: string;
  readonly progress: Working['progress'];
  readonly onCancel: () => void;
}) {
  const text = useText(importMessages);
  const words = useText(formMessages);
  const phase = progress?.phase ?? 'reading';
  const values = { done: progress?.done ?? 0, total: progress?.total ?? 0 };
  const counted = phase === 'suggesting' || phase === 'writing';
  return (
    <section
      className="card"
      aria-labelledby="import-progress-title"
      data-testid="import-progress"
      data-phase={phase}
      data-done={values.done}
    >
      <StepHeading id="import-progress-title">{text('progress.title', { file: fileName })}</StepHeading>
      <p id="import-progress-status" role="status">
        {text(`progress.${phase}`, values)}
      </p>
      <progress
        className="import__progress"
        aria-label={text('progress.label')}
        aria-describedby="import-progress-status"
        {...(counted && values.total > 0 ? { value: values.done, max: values.total } : {})}
      />
      {phase !== 'writing' && (
        <div className="form__actions">
          <button type="button" className="button" data-testid="import-cancel" onClick={onCancel}>
            {words('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
