export { App, preloadScreen } from './App.js';
export { Started } from './Started.js';
export { currentRoute } from './use-route.js';
