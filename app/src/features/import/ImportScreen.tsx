import { lazy, Suspense } from 'react';
import { useText } from '../../i18n/index.js';
import { useCanEdit } from '../../tally/index.js';
import { formMessages, routeMessages } from '../../ui/index.js';
import { importMessages } from './messages.js';

/** The readers, the steps and the worker load when the screen is first opened, not with the app. */
const ImportFlow = lazy(() => import('./ImportFlow.js'));

export function ImportScreen() {
  const text = useText(importMessages);
  const words = useText(formMessages);
  const routes = useText(routeMessages);
  // Importing writes the ledger: a ledger that cannot be changed shows only why (the shell's notice).
  const canEdit = useCanEdit();
  return (
    <section className="screen" aria-labelledby="import-title" data-testid="import-screen">
      <h1 id="import-title">{routes('import')}</h1>
      <p className="hint">{text('intro')}</p>
      {canEdit && (
        <Suspense fallback={<p className="empty">{words('loading')}</p>}>
          <ImportFlow />
        </Suspense>
      )}
    </section>
  );
}
