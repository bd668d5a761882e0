export { CategoryModel, type Example, type LearnedSuggestion } from './category-model.js';
export { featuresOf, type Describable, type Feature } from './features.js';
export { readHistory, splitByDate } from './history.js';
export { suggestCategory, type Suggestion } from './suggest-category.js';
