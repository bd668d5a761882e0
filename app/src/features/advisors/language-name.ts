/** A language's name in the person's own language: `de` is "German" in English, "alemán" in Spanish. */
export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
}
