export { type AccountBalances, accountBalances } from './account-balance.js';
export {
  type BudgetLine,
  type BudgetMonth,
  type BudgetMonthInput,
  type BudgetTotals,
  budgetMonth,
  type ToBudget,
} from './budget-month.js';
export {
  GOAL_STATES,
  type GoalProgress,
  type GoalProgressInput,
  type GoalState,
  goalProgress,
} from './goal-progress.js';
