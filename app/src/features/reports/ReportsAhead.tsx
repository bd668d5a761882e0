import { useEffect } from 'react';
import { useTally } from '../../tally/index.js';
import { whenIdle } from '../../ui/index.js';

/** Long enough for a start's own idle work to go first, short enough to be done before most people open reports. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Starts the report worker once the transaction index has loaded, when the page is idle, so the
 * worker already holds every row the first time reports open, and loads the reports screen's code
 * (docs/app.md#keeping-data-on-the-device). Renders nothing.
 */
export function ReportsAhead(): null {
  const tally = useTally();
  useEffect(() => {
    const index = tally.transactions;
    let live = true;
    let cancelIdle = () => {};
    const start = () => {
      if (!index.getSnapshot().loaded) return;
      stopWatching();
      // Loading ahead only saves time: what fails to load here is loaded again, and its failure
      // shown, when reports open.
      cancelIdle = whenIdle(() => {
        void import('./report-engine.js').then(({ reportEngineOf }) => live && reportEngineOf(tally), ignore);
        // Fetching the screen's code and adding its stylesheet on the first click was a long task of its own.
        void import('./ReportsScreen.js').catch(ignore);
      }, IDLE_TIMEOUT_MS);
    };
    const stopWatching = index.subscribe(start);
    start();
    return () => {
      live = false;
      stopWatching();
      cancelIdle();
    };
  }, [tally]);
  return null;
}

function ignore(): void {}
