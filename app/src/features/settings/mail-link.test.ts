import { describe, expect, test } from 'vitest';
import { relayOfLink, tokenOfLink } from './mail-link.js';

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
});
