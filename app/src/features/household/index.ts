import { lazyComponent } from '../../ui/index.js';

export const HouseholdScreen = lazyComponent(() => import('./HouseholdScreen.js'), 'HouseholdScreen');
