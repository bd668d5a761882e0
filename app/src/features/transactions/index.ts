import { lazyComponent } from '../../ui/index.js';

/** The form, with splits, tags and category suggestions, loads when it is first opened. */
export const TransactionEditor = lazyComponent(() => import('./TransactionEditor.js'), 'TransactionEditor');
export { TransactionsScreen } from './TransactionsScreen.js';
export { TransactionTitle } from './TransactionTitle.js';
export { oneRowPerTransfer } from './transfer-rows.js';
export { type Deletion, UndoDelete } from './UndoDelete.js';
