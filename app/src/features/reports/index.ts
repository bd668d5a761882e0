import { lazyComponent } from '../../ui/index.js';

export { ReportsAhead } from './ReportsAhead.js';
export const ReportsScreen = lazyComponent(() => import('./ReportsScreen.js'), 'ReportsScreen');
