export { RevokedNotice } from './RevokedNotice.js';
export { SyncStatus } from './SyncStatus.js';
