import { lazyComponent } from '../../ui/index.js';

export const ReportsScreen = lazyComponent(() => import('./ReportsScreen.js'), 'ReportsScreen');
