import { lazyComponent } from '../../ui/index.js';

export { AccountBalance } from './AccountBalance.js';
export const AccountsScreen = lazyComponent(() => import('./AccountsScreen.js'), 'AccountsScreen');
export { NetWorthSummary } from './NetWorthSummary.js';
export { useAccountValues } from './use-account-values.js';
