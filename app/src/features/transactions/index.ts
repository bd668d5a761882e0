export { TransactionEditor } from './TransactionEditor.js';
export { TransactionsScreen } from './TransactionsScreen.js';
