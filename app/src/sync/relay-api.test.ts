import { afterEach, describe, expect, test, vi } from 'vitest';
import { RelayApi } from './relay-api.js';
import { RelayApiError } from './relay-api-error.js';

function replyWith(status: number, body: unknown): void {
  vi.stubGlobal('fetch', async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the relay API client', () => {
  test('derives the sync address from the relay address', () => {
    expect(new RelayApi('https://tally.example.com/').syncUrl).toBe('wss://tally.example.com/sync');
    expect(new RelayApi('http://127.0.0.1:8080').syncUrl).toBe('ws://127.0.0.1:8080/sync');
  });

  test('reads a session from a register reply', async () => {
    const session = { userId: 'u', deviceId: 'd', docId: 'doc', accessToken: 'a', refreshToken: 'r' };
    replyWith(201, session);
    await expect(
      new RelayApi('http://relay').register({ email: 'a@b.co', password: 'secret123', deviceName: 'Phone' }),
    ).resolves.toEqual(session);
  });

  test('sends an invitation code only when registering with one', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(
        JSON.stringify({ userId: 'u', deviceId: 'd', docId: 'doc', accessToken: 'a', refreshToken: 'r' }),
        { status: 201 },
      );
    });
    const api = new RelayApi('http://relay');
    const credentials = { email: 'a@b.co', password: 'secret123', deviceName: 'Phone' };
    await api.register({ ...credentials, invitationCode: 'K7QF-M2XD-9WPA-TR3B' });
    await api.register({ ...credentials, invitationCode: '' });
    await api.login({ ...credentials, invitationCode: 'K7QF-M2XD-9WPA-TR3B' });
    expect(bodies).toEqual([{ ...credentials, invitationCode: 'K7QF-M2XD-9WPA-TR3B' }, credentials, credentials]);
  });

  test('reads the ledger’s versions and what a restore wrote, and refuses replies it does not understand', async () => {
    const api = new RelayApi('http://relay');
    const version = { versionId: '7', takenAt: '2026-12-01T10:00:00.000Z', bytes: 2048 };
    replyWith(200, [version]);
    await expect(api.ledgerVersions('token', 'doc')).resolves.toEqual([version]);
    replyWith(200, [{ ...version, bytes: '2048' }]);
    await expect(api.ledgerVersions('token', 'doc')).rejects.toMatchObject({ code: 'bad_reply' });
    replyWith(200, { records: 3 });
    await expect(api.restoreLedgerVersion('token', 'doc', '7')).resolves.toBe(3);
    replyWith(403, { error: { code: 'forbidden', message: 'This account may not open that document.' } });
    await expect(api.restoreLedgerVersion('token', 'doc', '7')).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('reads the relay’s registration policy, and refuses one it does not know', async () => {
    replyWith(200, { registration: 'invite' });
    await expect(new RelayApi('http://relay').registrationPolicy()).resolves.toBe('invite');
    replyWith(200, { registration: 'maybe' });
    await expect(new RelayApi('http://relay').registrationPolicy()).rejects.toMatchObject({ code: 'bad_reply' });
  });

  test('turns a refusal into an error carrying the relay’s code and words', async () => {
    replyWith(409, { error: { code: 'email_taken', message: 'An account with this email already exists.' } });
    const refused = new RelayApi('http://relay').register({
      email: 'a@b.co',
      password: 'secret123',
      deviceName: 'Phone',
    });
    await expect(refused).rejects.toMatchObject({
      status: 409,
      code: 'email_taken',
      message: 'An account with this email already exists.',
    });
  });

  test('a refusal with a code this Tally does not know (a newer relay’s) keeps the relay’s words', async () => {
    replyWith(418, { error: { code: 'teapot', message: 'The relay is a teapot.' } });
    await expect(new RelayApi('http://relay').refresh('r')).rejects.toMatchObject({
      status: 418,
      code: 'http_error',
      message: 'The relay is a teapot.',
    });
  });

  test('a reply of the wrong shape is refused, not trusted', async () => {
    replyWith(200, { devices: [{ id: 'd', name: 42 }] });
    await expect(new RelayApi('http://relay').devices('token')).rejects.toMatchObject({ code: 'bad_reply' });
  });

  test('an unreachable relay is reported as such', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const error: unknown = await new RelayApi('http://relay').refresh('r').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RelayApiError);
    expect((error as RelayApiError).unreachable).toBe(true);
  });
});
