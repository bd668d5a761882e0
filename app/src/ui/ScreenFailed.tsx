import { useText } from '../i18n/index.js';
import { ScreenDrawn } from './first-screen.js';
import { failureMessages } from './messages.js';

/** In place of a screen whose code could not be loaded: what happened, and a retry. */
export function ScreenFailed({ retry, onClose }: { readonly retry: () => void; readonly onClose?: () => void }) {
  const text = useText(failureMessages);
  return (
    <section className="screen screen-failed" role="alert" data-testid="screen-failed">
      <ScreenDrawn />
      <p>{text('screenFailed')}</p>
      <div className="screen-failed__actions">
        <button type="button" className="button button--primary" data-testid="screen-retry" onClick={retry}>
          {text('retry')}
        </button>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            {text('close')}
          </button>
        )}
      </div>
    </section>
  );
}

/** In place of Tally when something failed outside any screen. */
export function AppFailed() {
  const text = useText(failureMessages);
  return (
    <main className="start-failure" role="alert" data-testid="app-failed">
      <ScreenDrawn />
      <p>{text('appFailed')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {text('reload')}
      </button>
    </main>
  );
}
