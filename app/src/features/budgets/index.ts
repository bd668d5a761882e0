import { lazyComponent } from '../../ui/index.js';

export const BudgetsScreen = lazyComponent(() => import('./BudgetsScreen.js'), 'BudgetsScreen');
