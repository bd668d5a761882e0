export { AppUpdates } from './app-updates.js';
export { UpdatePrompt } from './UpdatePrompt.js';
