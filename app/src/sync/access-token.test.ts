import { describe, expect, test } from 'vitest';
import { accessTokenExpiry } from './access-token.js';

describe('access token expiry', () => {
  const token = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

  test('is read from the token’s exp claim, in milliseconds', () => {
    expect(accessTokenExpiry(token({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  test('is unknown for a token that is not a JWT', () => {
    expect(accessTokenExpiry('opaque')).toBeUndefined();
    expect(accessTokenExpiry(token({ sub: 'x' }))).toBeUndefined();
    expect(accessTokenExpiry('h.!!!.s')).toBeUndefined();
  });
});
