export { DataSection } from './DataSection.js';
