export { App } from './App.js';
export { Started } from './Started.js';
