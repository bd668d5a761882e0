import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Language } from './define-messages.js';
import { type I18n, I18nContext } from './i18n-context.js';
import { detectLanguage, localeFor, storedLanguage, storeLanguage } from './language.js';

/** Holds the language chosen on this device and tells the document, so screen readers pronounce it right. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => storedLanguage() ?? detectLanguage());
  const i18n = useMemo<I18n>(
    () => ({
      language,
      locale: localeFor(language),
      setLanguage(next) {
        storeLanguage(next);
        setLanguage(next);
      },
    }),
    [language],
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext value={i18n}>{children}</I18nContext>;
}
