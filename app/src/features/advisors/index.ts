import { lazyComponent } from '../../ui/index.js';

export { useAdvisorRole } from './advisor-role.js';
export { LiveNotices } from './live-notices-gate.js';

export const DirectoryScreen = lazyComponent(() => import('./DirectoryScreen.js'), 'DirectoryScreen');
export const BookingsScreen = lazyComponent(() => import('./BookingsScreen.js'), 'BookingsScreen');
export const AdvisorProfileScreen = lazyComponent(() => import('./AdvisorProfileScreen.js'), 'AdvisorProfileScreen');
