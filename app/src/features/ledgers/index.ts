import { lazyComponent } from '../../ui/index.js';

export { LedgerSwitcher } from './LedgerSwitcher.js';
export { ReadOnlyNotice } from './ReadOnlyNotice.js';

export const LedgersScreen = lazyComponent(() => import('./LedgersScreen.js'), 'LedgersScreen');
