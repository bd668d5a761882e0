import { Suspense } from 'react';
import { lazyComponent } from '../../ui/index.js';

/** Its words and choices load apart: a device sees the step once, so the first visit of every other device stays small. */
const FirstRunChoices = lazyComponent(() => import('./FirstRunChoices.js'), 'FirstRunChoices');

/**
 * The first-run step, on Home while the device's ledger is empty and it has no relay (`first-run`
 * is there at once, its choices a moment later).
 */
export function FirstRunStep() {
  return (
    <section className="screen first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <Suspense fallback={null}>
        <FirstRunChoices />
      </Suspense>
    </section>
  );
}
