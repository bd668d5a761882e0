import { lazyComponent } from '../../ui/index.js';

export const ImportScreen = lazyComponent(() => import('./ImportScreen.js'), 'ImportScreen');
