export {
  type HouseholdBalances,
  type HouseholdInput,
  householdBalances,
  type SettlementEntry,
  type SharedTransaction,
} from './household-balances.js';
export { sharesAddUp } from './shares-add-up.js';
export { FEWEST_TRANSFERS_UP_TO, type Transfer, whoOwesWhom } from './who-owes-whom.js';
