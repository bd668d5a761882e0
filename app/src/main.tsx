import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppUpdates } from './features/update-prompt/index.js';
import { I18nProvider } from './i18n/index.js';
import { currentRoute, preloadScreen, Started } from './shell/index.js';
import { openTally } from './tally/index.js';
import { firstScreenDrawn } from './ui/index.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The screen's code comes from the service worker while the device's storage opens. The app is drawn
// once both have: a screen drawn before its code came would show its fallback, and React holds back
// revealing what replaces a fallback for 300 ms after it showed, the newest rows read meanwhile.
const screenCode = preloadScreen(currentRoute());
const starting = Promise.all([openTally(firstScreenDrawn()), screenCode]).then(([tally]) => tally);
const updates = new AppUpdates(import.meta.env.PROD ? '/sw.js' : undefined);

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Started starting={starting} updates={updates} />
    </I18nProvider>
  </StrictMode>,
);
