export { AccountsScreen } from './AccountsScreen.js';
export { AccountBalance } from './AccountBalance.js';
export { NetWorthSummary } from './NetWorthSummary.js';
export { useAccountBalances } from './use-account-balances.js';
export { useAccountValues } from './use-account-values.js';
export type { AccountValue, InHome, NetWorth } from './account-values.js';
