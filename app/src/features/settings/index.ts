import { lazyComponent } from '../../ui/index.js';

export { ResendVerification } from './ResendVerification.js';
export { TimeZoneKeeper } from './TimeZoneKeeper.js';

export const SettingsScreen = lazyComponent(() => import('./SettingsScreen.js'), 'SettingsScreen');
export const VerifyEmailScreen = lazyComponent(() => import('./VerifyEmailScreen.js'), 'VerifyEmailScreen');
export const ChangeEmailScreen = lazyComponent(() => import('./ChangeEmailScreen.js'), 'ChangeEmailScreen');
export const ResetPasswordScreen = lazyComponent(() => import('./ResetPasswordScreen.js'), 'ResetPasswordScreen');
