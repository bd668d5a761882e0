import { lazyComponent } from '../../ui/index.js';

/** The form, with splits, tags and category suggestions, loads when it is first opened. */
export const TransactionEditor = lazyComponent(() => import('./TransactionEditor.js'), 'TransactionEditor');
/** The list, with its filters and its windowed rows, loads when the screen is first opened: Home comes first. */
export const TransactionsScreen = lazyComponent(() => import('./TransactionsScreen.js'), 'TransactionsScreen');
export { TransactionTitle } from './TransactionTitle.js';
export { oneRowPerTransfer } from './transfer-rows.js';
export { type Deletion, UndoDelete } from './UndoDelete.js';
