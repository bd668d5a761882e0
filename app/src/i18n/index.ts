export { defineMessages, LANGUAGES, type Language, type Messages } from './define-messages.js';
export { I18nProvider } from './I18nProvider.js';
export { type I18n, useI18n, useLocale, useText } from './i18n-context.js';
export { forgetLanguage } from './language.js';
export { type Text, type TextValues, textOf } from './text.js';
