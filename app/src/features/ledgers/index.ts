import { lazyComponent } from '../../ui/index.js';

export { LedgerRoleWatch } from './LedgerRoleWatch.js';

// Most devices hold one ledger and edit it: the switcher and the notice load only when needed.
export const LedgerSwitcher = lazyComponent(() => import('./LedgerSwitcher.js'), 'LedgerSwitcher');
export const ReadOnlyNotice = lazyComponent(() => import('./ReadOnlyNotice.js'), 'ReadOnlyNotice');
export const LedgersScreen = lazyComponent(() => import('./LedgersScreen.js'), 'LedgersScreen');
