import { lazyComponent } from '../../ui/index.js';

export { useAdvisorRole } from './advisor-services.js';
export { LiveNotices } from './LiveNotices.js';

export const DirectoryScreen = lazyComponent(() => import('./DirectoryScreen.js'), 'DirectoryScreen');
export const BookingsScreen = lazyComponent(() => import('./BookingsScreen.js'), 'BookingsScreen');
export const AdvisorProfileScreen = lazyComponent(() => import('./AdvisorProfileScreen.js'), 'AdvisorProfileScreen');
