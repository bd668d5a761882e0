export { CategoryModel, type Example, type LearnedSuggestion } from './category-model.js';
export { featuresOf, type Describable, type Feature } from './features.js';
export { examplesOf, readHistory, splitByDate, TRAINING_LIMIT } from './history.js';
export { suggestCategory, type Suggestion } from './suggest-category.js';
