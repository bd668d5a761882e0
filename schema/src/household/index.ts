export {
  type HouseholdBalances,
  type HouseholdInput,
  householdBalances,
  type SettlementEntry,
  type SharedTransaction,
} from './household-balances.js';
export { FEWEST_TRANSFERS_UP_TO, type Transfer, whoOwesWhom } from './who-owes-whom.js';
