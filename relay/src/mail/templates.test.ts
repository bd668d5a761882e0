import { describe, expect, it } from 'vitest';
import { type MailKind, mailLanguages } from '../storage/mail/mail-store.js';
import { renderMail, type TemplateValues, templateValuesOf, templateWords } from './templates.js';

const link = 'https://tally.example/#/verify-email?token=a&b<c>';
const linkValues = { link, hours: '24' };
/** Sample values of each kind; a bill's name with markup shows the HTML escapes what a person typed. */
const samples: { readonly [K in MailKind]: TemplateValues[K] } = {
  'email-verification': linkValues,
  'password-reset': linkValues,
  registration: linkValues,
  'registration-attempt': linkValues,
  'email-change': linkValues,
  'email-change-notice': { link, email: 'new<address>@example.com' },
  'ledger-invitation': { link, inviter: 'Ana <ana@example.com>', hours: '168' },
  'bill-reminder': { link, payee: 'Rent <flat>', amount: '$1,200.00', date: '30 March 2026' },
  'booking-update': { link, date: '5 January 2026, 09:00', status: 'confirmed' },
  'chat-messages': { link, date: '5 January 2026, 09:00', minutes: '15' },
  'payment-received': { link, amount: '€60.00' },
  'refund-issued': { link, amount: '€60.00' },
  'payment-failed': { link, amount: '€60.00' },
};
const kinds = Object.keys(samples) as MailKind[];
const cases = kinds.flatMap((kind) => mailLanguages.map((language) => ({ kind, language })));

function filled(phrase: string, values: Readonly<Record<string, string>>): string {
  return Object.entries(values).reduce((words, [name, value]) => words.replaceAll(`{${name}}`, value), phrase);
}

function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;');
}

describe('[M3] mail templates', () => {
  it.each(cases)(
    '$kind in $language renders every word and every value, the link, as text and HTML',
    ({ kind, language }) => {
      const values: Readonly<Record<string, string>> = samples[kind];
      const mail = renderMail(kind, language, samples[kind]);
      const words = templateWords(kind, language);
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}|undefined|null/);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain('href="https://tally.example/#/verify-email?token=a&amp;b&lt;c&gt;"');
      expect(mail.html).not.toContain('<c>');
      expect(mail.html).not.toContain('<flat>');
      expect(mail.html).toContain(`lang="${language}"`);
      for (const [name, phrase] of Object.entries(words)) {
        expect(phrase.trim(), name).not.toBe('');
        const written = filled(phrase, values);
        // The button's words and the subject are the HTML's and the header's; the text has the link itself.
        if (name !== 'action' && name !== 'subject') expect(mail.text, name).toContain(written);
        expect(mail.html, name).toContain(escaped(written));
      }
      expect(mail.subject).toBe(filled(words.subject, values));
      for (const [name, value] of Object.entries(values)) {
        if (name !== 'link') expect(mail.text, name).toContain(value);
      }
    },
  );

  it('[M3] a stored mail missing a value its template fills in has no values to render', () => {
    expect(templateValuesOf('bill-reminder', { link, payee: 'Rent', amount: '$1.00' })).toBeNull();
    expect(templateValuesOf('password-reset', { link, hours: '1', extra: 'x' })).toEqual({ link, hours: '1' });
  });

  it.each(cases.filter(({ language }) => language !== 'en'))(
    '$kind in $language has its own words, none left in English',
    ({ kind, language }) => {
      const english = templateWords(kind, 'en');
      const words = templateWords(kind, language);
      for (const name of Object.keys(english) as (keyof typeof english)[]) {
        expect(words[name], name).not.toBe(english[name]);
      }
      const englishOnly = [
        ...['the', 'your', 'new', 'password', 'account', 'address', 'ignore', 'this'],
        ...['due', 'tomorrow', 'when', 'pay', 'bill', 'reminders', 'settings'],
      ];
      const sentences = Object.values(words)
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}]+/u);
      expect(sentences.filter((word) => englishOnly.includes(word))).toEqual([]);
    },
  );
});
