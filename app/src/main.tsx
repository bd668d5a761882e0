import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppUpdates } from './features/update-prompt/index.js';
import { I18nProvider } from './i18n/index.js';
import { currentRoute, preloadScreen, Started } from './shell/index.js';
import { openTally } from './tally/index.js';
import { firstScreenDrawn, withPatience } from './ui/index.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The screen's code comes from the service worker while the device's storage opens. The page is
// drawn once the storage has opened and the screen's code has come (or failed to, or the first
// screen's patience has run out). Drawn before the code came, the screen would show its fallback,
// and React holds back what replaces a fallback for 300 ms after it showed, even when the newest
// rows are read meanwhile. Drawn before the storage opened, React's first render would take the
// page's thread from the replies the start waits for — the writer's lock, IndexedDB's — which are
// handled on it (docs/app.md#start).
const starting = Promise.all([openTally(firstScreenDrawn()), preloadScreen(currentRoute())]).then(([tally]) => tally);
const updates = new AppUpdates(import.meta.env.PROD ? '/sw.js' : undefined);

void withPatience(starting).then((opened) =>
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <Started starting={starting} opened={opened} updates={updates} />
      </I18nProvider>
    </StrictMode>,
  ),
);
