import { lazyComponent } from '../../ui/index.js';

export const SettingsScreen = lazyComponent(() => import('./SettingsScreen.js'), 'SettingsScreen');
