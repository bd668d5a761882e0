import { lazyComponent } from '../../ui/index.js';

export const CategoriesScreen = lazyComponent(() => import('./CategoriesScreen.js'), 'CategoriesScreen');
