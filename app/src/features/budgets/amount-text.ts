/** The budget screen reads amounts with the one reader every form shares. */
export { amountForInput, exampleAmount, readAmount, type AmountProblem, type AmountRules, type AmountText } from '../../ui/amount-text.js';
