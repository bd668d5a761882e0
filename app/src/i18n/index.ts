export { defineMessages, LANGUAGES, type Language, type Messages } from './define-messages.js';
export { useI18n, useLocale, useText, type I18n } from './i18n-context.js';
export { I18nProvider } from './I18nProvider.js';
export { forgetLanguage } from './language.js';
export type { Text, TextValues } from './text.js';
