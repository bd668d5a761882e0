import { useEffect, useState } from 'react';
import { StartFailure, type StartFailureKind, startFailureOf } from '../features/start-failure/index.js';
import type { AppUpdates } from '../features/update-prompt/index.js';
import { useText } from '../i18n/index.js';
import { type Tally, TallyContext } from '../tally/index.js';
import { AppFailed, ErrorBoundary, formMessages, type Waited } from '../ui/index.js';
import { App } from './App.js';

type Start =
  | { readonly phase: 'opening' }
  | { readonly phase: 'open'; readonly tally: Tally; readonly newerFormat: boolean }
  | { readonly phase: 'failed'; readonly kind: StartFailureKind };

/** The start as drawn first: open, failed, or still opening when the page could wait no longer. */
function startOf(opened: Waited<Tally>): Start {
  if (opened === undefined) return { phase: 'opening' };
  return 'value' in opened
    ? { phase: 'open', tally: opened.value, newerFormat: false }
    : { phase: 'failed', kind: startFailureOf(opened.failure) };
}

/**
 * Tally once it has started, or the whole page saying why it could not (storage refused or full,
 * a ledger in a newer format) and what to do — never a page left waiting. `opened` is how
 * `starting` had turned out when the page was first drawn.
 */
export function Started({
  starting,
  opened,
  updates,
}: {
  readonly starting: Promise<Tally>;
  readonly opened: Waited<Tally>;
  readonly updates: AppUpdates;
}) {
  const words = useText(formMessages);
  const [start, setStart] = useState<Start>(() => startOf(opened));
  const [readOnlyChosen, setReadOnlyChosen] = useState(false);
  useEffect(() => {
    let live = true;
    const fail = (error: unknown) => {
      if (!live) return;
      console.error('Tally could not start', error);
      setStart({ phase: 'failed', kind: startFailureOf(error) });
    };
    starting.then((tally) => {
      if (live) setStart((now) => (now.phase === 'opening' ? { phase: 'open', tally, newerFormat: false } : now));
      tally.ready.then(() => {
        if (live && tally.ledger.newerFormat) setStart({ phase: 'open', tally, newerFormat: true });
      }, fail);
    }, fail);
    return () => {
      live = false;
    };
  }, [starting]);

  if (start.phase === 'failed') return <StartFailure kind={start.kind} />;
  if (start.phase === 'opening') return <p className="empty">{words('loading')}</p>;
  if (start.newerFormat && !readOnlyChosen)
    return <StartFailure kind="newer-format" onReadOnly={() => setReadOnlyChosen(true)} />;
  return (
    <ErrorBoundary where="Tally" fallback={() => <AppFailed />}>
      <TallyContext value={start.tally}>
        <App updates={updates} />
      </TallyContext>
    </ErrorBoundary>
  );
}
