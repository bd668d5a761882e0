import { createContext, useContext, useMemo } from 'react';
import type { Language, Messages } from './define-messages.js';
import { type Text, textOf } from './text.js';

export interface I18n {
  readonly language: Language;
  /** The `Intl` locale numbers, money and dates are formatted in. */
  readonly locale: string;
  setLanguage(language: Language): void;
}

export const I18nContext = createContext<I18n | undefined>(undefined);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n is used outside <I18nProvider>');
  return i18n;
}

/** The locale to format numbers, money and dates in. */
export function useLocale(): string {
  return useI18n().locale;
}

/** One feature's messages in the chosen language. */
export function useText<Key extends string>(messages: Messages<Key>): Text<Key> {
  const { language, locale } = useI18n();
  return useMemo(() => textOf(messages, language, locale), [messages, language, locale]);
}
