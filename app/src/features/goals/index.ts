import { lazyComponent } from '../../ui/index.js';

export const GoalsScreen = lazyComponent(() => import('./GoalsScreen.js'), 'GoalsScreen');
