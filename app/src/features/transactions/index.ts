export { TransactionsScreen } from './TransactionsScreen.js';
