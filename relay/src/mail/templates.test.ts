import { describe, expect, it } from 'vitest';
import { type MailKind, mailLanguages } from '../storage/mail/mail-store.js';
import { renderMail, templateWords } from './templates.js';

const kinds: readonly MailKind[] = ['email-verification', 'password-reset', 'registration', 'registration-attempt'];
const link = 'https://tally.example/#/verify-email?token=a&b<c>';
const cases = kinds.flatMap((kind) => mailLanguages.map((language) => ({ kind, language })));

describe('[M3] mail templates', () => {
  it.each(cases)(
    '$kind in $language renders every word, the link and the expiry, as text and HTML',
    ({ kind, language }) => {
      const mail = renderMail(kind, language, { link, hours: '24' });
      const words = templateWords(kind, language);
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}|undefined|null/);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain('href="https://tally.example/#/verify-email?token=a&amp;b&lt;c&gt;"');
      expect(mail.html).not.toContain('<c>');
      expect(mail.html).toContain(`lang="${language}"`);
      for (const [name, phrase] of Object.entries(words)) {
        expect(phrase.trim(), name).not.toBe('');
        const filled = phrase.replaceAll('{hours}', '24');
        // The button's words and the subject are the HTML's and the header's; the text has the link itself.
        if (name !== 'action' && name !== 'subject') expect(mail.text, name).toContain(filled);
        expect(mail.html, name).toContain(filled.replaceAll("'", '&#39;'));
      }
      expect(mail.text).toContain('24');
    },
  );

  it.each(cases.filter(({ language }) => language !== 'en'))(
    '$kind in $language has its own words, none left in English',
    ({ kind, language }) => {
      const english = templateWords(kind, 'en');
      const words = templateWords(kind, language);
      for (const name of Object.keys(english) as (keyof typeof english)[]) {
        expect(words[name], name).not.toBe(english[name]);
      }
      const englishOnly = ['the', 'your', 'new', 'password', 'account', 'address', 'ignore', 'this'];
      const sentences = Object.values(words)
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}]+/u);
      expect(sentences.filter((word) => englishOnly.includes(word))).toEqual([]);
    },
  );
});
