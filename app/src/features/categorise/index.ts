export { CategoryModel, type Example, type LearnedSuggestion } from './category-model.js';
export { type Describable, type Feature, featuresOf } from './features.js';
export { examplesOf, readHistory, splitByDate, TRAINING_LIMIT } from './history.js';
export { type Suggestion, suggestCategory } from './suggest-category.js';
