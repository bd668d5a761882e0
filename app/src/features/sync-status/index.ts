export { SyncNotice } from './SyncNotice.js';
export { SyncStatus } from './SyncStatus.js';
