import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { RegistrationLinks } from '../../../../relay/src/auth/registration-links.js';
import { newMailToken } from '../../../../relay/src/mail/account-mail.js';
import { finishesRegistration, relayOfLink, tokenOfLink } from './mail-link.js';

describe('a link in a mail', () => {
  test('carries its token after the screen’s name', () => {
    expect(tokenOfLink('#/verify-email?token=abc_-9')).toBe('abc_-9');
    expect(tokenOfLink('#/reset-password?lang=es&token=xyz')).toBe('xyz');
  });

  test('cut short, it carries no token', () => {
    expect(tokenOfLink('#/verify-email')).toBeUndefined();
    expect(tokenOfLink('#/verify-email?token=')).toBeUndefined();
  });

  test('belongs to the relay the device is signed in to, else to the address it opened', () => {
    expect(relayOfLink('https://relay.example.com', 'https://tally.example.com')).toBe('https://relay.example.com');
    expect(relayOfLink(undefined, 'https://tally.example.com')).toBe('https://tally.example.com');
  });

  test('that finishes an open registration is told apart from a verification link by its token', async () => {
    const sealed = await new RegistrationLinks(randomBytes(32)).seal({
      email: 'bea@example.com',
      passwordHash: 'hash',
      language: 'en',
    });
    expect(finishesRegistration(sealed)).toBe(true);
    expect(finishesRegistration(newMailToken())).toBe(false);
  });
});
