import { useEffect, useState } from 'react';
import { StartFailure, type StartFailureKind, startFailureOf } from '../features/start-failure/index.js';
import type { AppUpdates } from '../features/update-prompt/index.js';
import { useText } from '../i18n/index.js';
import { type Tally, TallyContext } from '../tally/index.js';
import { AppFailed, ErrorBoundary, formMessages } from '../ui/index.js';
import { App } from './App.js';

type Start =
  | { readonly phase: 'opening' }
  | { readonly phase: 'open'; readonly tally: Tally; readonly newerFormat: boolean }
  | { readonly phase: 'failed'; readonly kind: StartFailureKind };

/**
 * Tally once it has started, or the whole page saying why it could not (storage refused or full,
 * a ledger in a newer format) and what to do — never a page left waiting.
 */
export function Started({ starting, updates }: { readonly starting: Promise<Tally>; readonly updates: AppUpdates }) {
  const words = useText(formMessages);
  const [start, setStart] = useState<Start>({ phase: 'opening' });
  const [readOnlyChosen, setReadOnlyChosen] = useState(false);
  useEffect(() => {
    let live = true;
    const fail = (error: unknown) => {
      console.error('Tally could not start', error);
      if (live) setStart({ phase: 'failed', kind: startFailureOf(error) });
    };
    starting.then((tally) => {
      if (live) setStart({ phase: 'open', tally, newerFormat: false });
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
