export { accountBalances, type AccountBalances } from './account-balance.js';
export {
  budgetMonth,
  type BudgetLine,
  type BudgetMonth,
  type BudgetMonthInput,
  type BudgetTotals,
} from './budget-month.js';
export {
  GOAL_STATES,
  goalProgress,
  type GoalProgress,
  type GoalProgressInput,
  type GoalState,
} from './goal-progress.js';
