export { FirstAccount } from './FirstAccount.js';
export { FirstRunStep } from './FirstRunStep.js';
