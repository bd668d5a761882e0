import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppUpdates } from './features/update-prompt/index.js';
import { I18nProvider } from './i18n/index.js';
import { App } from './shell/index.js';
import { openTally, TallyContext } from './tally/index.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const tally = openTally();
const updates = new AppUpdates(import.meta.env.PROD ? '/sw.js' : undefined);

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <TallyContext value={tally}>
        <App updates={updates} />
      </TallyContext>
    </I18nProvider>
  </StrictMode>,
);
