import { lazyComponent } from '../../ui/index.js';

export const RecurringScreen = lazyComponent(() => import('./RecurringScreen.js'), 'RecurringScreen');
