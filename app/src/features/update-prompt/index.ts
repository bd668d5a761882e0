export { AppUpdates } from './app-updates.js';
export { OfflineReady } from './OfflineReady.js';
export { UpdatePrompt } from './UpdatePrompt.js';
