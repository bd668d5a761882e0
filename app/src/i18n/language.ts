import { LANGUAGES, type Language } from './define-messages.js';

const STORAGE_KEY = 'tally.language';

/** The locale `Intl` formats numbers, money and dates in for a language: the browser's own region where it speaks that language. */
export function localeFor(language: Language, preferred: readonly string[] = browserLanguages()): string {
  const regional = preferred.find((tag) => tag.split('-')[0]?.toLowerCase() === language);
  if (regional) return regional;
  return { en: 'en-US', es: 'es-ES', de: 'de-DE' }[language];
}

/** The first of the browser's languages Tally speaks, or English. */
export function detectLanguage(preferred: readonly string[] = browserLanguages()): Language {
  for (const tag of preferred) {
    const base = tag.split('-')[0]?.toLowerCase();
    const found = LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

/**
 * The language this device chose. It is a setting of the device, not of the ledger, kept in
 * `localStorage` so the very first paint is already in the right language.
 */
export function storedLanguage(): Language | undefined {
  const value = typeof localStorage === 'undefined' ? undefined : localStorage.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : undefined;
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

export function forgetLanguage(): void {
  localStorage.removeItem(STORAGE_KEY);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}
