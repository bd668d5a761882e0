import { useText } from '../../i18n/index.js';
import { importMessages } from './messages.js';
import type { UndoOutcome } from './use-undo.js';

/** Says how many transactions an undo removed, or that it failed; present before it speaks, so it is announced. */
export function UndoStatus({ outcome, testId }: { readonly outcome: UndoOutcome | null; readonly testId: string }) {
  const text = useText(importMessages);
  return (
    <p
      role="status"
      className={outcome?.kind === 'failed' ? 'form__error' : undefined}
      data-testid={testId}
      data-outcome={outcome?.kind}
      data-removed={outcome?.kind === 'removed' ? outcome.count : undefined}
    >
      {outcome?.kind === 'removed' && text.count('done.undone', outcome.count)}
      {outcome?.kind === 'failed' && text('undo.failed')}
    </p>
  );
}
