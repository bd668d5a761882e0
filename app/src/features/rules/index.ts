export { RulesSection } from './RulesSection.js';
