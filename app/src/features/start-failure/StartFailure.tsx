import { useText } from '../../i18n/index.js';
import { failureMessages } from '../../ui/index.js';
import { startFailureMessages } from './messages.js';
import type { StartFailureKind } from './start-failure.js';

/**
 * The whole page when Tally could not start: what happened and what to do. A ledger in a newer
 * format can still be looked at (`onReadOnly`), never changed.
 */
export function StartFailure({
  kind,
  onReadOnly,
}: {
  readonly kind: StartFailureKind;
  readonly onReadOnly?: () => void;
}) {
  const text = useText(startFailureMessages);
  const failure = useText(failureMessages);
  return (
    <main className="start-failure" data-testid="start-failure" data-kind={kind} aria-labelledby="start-failure-title">
      <h1 id="start-failure-title">{text(`title.${kind}`)}</h1>
      <p>{text(`what.${kind}`)}</p>
      <div className="start-failure__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="start-failure-reload"
          onClick={() => window.location.reload()}
        >
          {failure('reload')}
        </button>
        {onReadOnly && (
          <button type="button" className="button" data-testid="start-failure-read-only" onClick={onReadOnly}>
            {text('readOnly')}
          </button>
        )}
      </div>
    </main>
  );
}
