import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashInvitationCode } from '../auth/invitation-codes.js';
import { hashPassword } from '../auth/passwords.js';
import { buildRelay } from '../build-relay.js';
import type { RelayConfig } from '../relay-config.js';
import type { RelayApp } from '../relay-context.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import type { Session } from '../testing/relay-harness.js';

const apps: RelayApp[] = [];
async function relay(config: Partial<RelayConfig> = {}): Promise<{ app: RelayApp; storage: MemoryStorage }> {
  const storage = new MemoryStorage();
  const app = await buildRelay({
    storage,
    signingKey: new Uint8Array(randomBytes(32)),
    passwordCost: 2 ** 10,
    logLevel: 'silent',
    ...config,
  });
  apps.push(app);
  return { app, storage };
}

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

const password = 'correct horse battery';

function register(app: RelayApp, email: string, fields: { password?: string; invitationCode?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, deviceName: 'Phone', ...fields },
  });
}

async function invite(app: RelayApp, admin: Session, email: string) {
  return app.inject({
    method: 'POST',
    url: '/api/invitations',
    headers: { authorization: `Bearer ${admin.accessToken}` },
    payload: { email },
  });
}

async function codeFor(app: RelayApp, admin: Session, email: string): Promise<string> {
  const reply = await invite(app, admin, email);
  expect(reply.statusCode).toBe(201);
  return reply.json<{ code: string }>().code;
}

async function policy(app: RelayApp): Promise<unknown> {
  return (await app.inject({ method: 'GET', url: '/api/auth/policy' })).json();
}

describe('who may create an account', () => {
  it('[A1] open: anyone registers, and the relay says so', async () => {
    const { app } = await relay({ registration: 'open' });
    expect(await policy(app)).toEqual({ registration: 'open' });
    expect((await register(app, 'alice@example.com')).statusCode).toBe(201);
    expect((await register(app, 'bob@example.com')).statusCode).toBe(201);
    expect(await policy(app)).toEqual({ registration: 'open' });
  });

  it('[A1] invite: the first account needs no code and becomes the admin; the next needs one', async () => {
    const { app, storage } = await relay({ registration: 'invite' });
    expect(await policy(app)).toEqual({ registration: 'open' });
    const alice = (await register(app, 'alice@example.com')).json<Session>();
    expect((await storage.accounts.findUser(alice.userId))?.role).toBe('admin');
    expect(await policy(app)).toEqual({ registration: 'invite' });
    expect((await register(app, 'bob@example.com')).json()).toMatchObject({ error: { code: 'invitation_required' } });

    const code = await codeFor(app, alice, 'Bob@Example.com');
    const bob = await register(app, 'bob@example.com', { invitationCode: code.toLowerCase().replaceAll('-', ' ') });
    expect(bob.statusCode).toBe(201);
    expect((await storage.accounts.findUser(bob.json<Session>().userId))?.role).toBe('user');
  });

  it('[A2] an invitation code is refused when wrong, used, expired or for another email, alike', async () => {
    const { app } = await relay({ registration: 'invite', invitationTtlHours: 1 });
    const alice = (await register(app, 'alice@example.com')).json<Session>();
    const forBob = await codeFor(app, alice, 'bob@example.com');
    const forCarol = await codeFor(app, alice, 'carol@example.com');
    const refusals = [
      await register(app, 'bob@example.com', { invitationCode: 'AAAA-BBBB-CCCC-DDDD' }),
      await register(app, 'bob@example.com', { invitationCode: forCarol }),
    ];
    expect((await register(app, 'bob@example.com', { invitationCode: forBob })).statusCode).toBe(201);
    refusals.push(await register(app, 'dave@example.com', { invitationCode: forBob }));
    for (const refusal of refusals) {
      expect(refusal.statusCode).toBe(410);
      expect(refusal.json()).toMatchObject({ error: { code: 'invitation_invalid' } });
    }
  });

  it('[A2] an expired invitation is refused', async () => {
    const { app, storage } = await relay({ registration: 'invite' });
    await register(app, 'alice@example.com');
    await storage.accounts.createInvitation({
      codeHash: hashInvitationCode('EXPI-REDC-ODE0-0000'),
      email: 'bob@example.com',
      invitedBy: null,
      ledger: null,
      createdAt: Date.now() - 2_000,
      expiresAt: Date.now() - 1_000,
    });
    expect((await register(app, 'bob@example.com', { invitationCode: 'EXPI-REDC-ODE0-0000' })).json()).toMatchObject({
      error: { code: 'invitation_invalid' },
    });
  });

  it('[A1] closed: only the relay’s first account registers, with or without a code', async () => {
    const { app } = await relay({ registration: 'closed' });
    expect(await policy(app)).toEqual({ registration: 'open' });
    const alice = (await register(app, 'alice@example.com')).json<Session>();
    expect(await policy(app)).toEqual({ registration: 'closed' });
    const code = await codeFor(app, alice, 'bob@example.com');
    for (const attempt of [
      await register(app, 'bob@example.com'),
      await register(app, 'bob@example.com', { invitationCode: code }),
    ]) {
      expect(attempt.statusCode).toBe(403);
      expect(attempt.json()).toMatchObject({ error: { code: 'registration_closed' } });
    }
  });

  it('[A2] only an admin invites, and never an email that has an account', async () => {
    const { app, storage } = await relay({ registration: 'open' });
    const alice = (await register(app, 'alice@example.com')).json<Session>();
    const bob = (await register(app, 'bob@example.com')).json<Session>();
    expect((await invite(app, bob, 'carol@example.com')).json()).toMatchObject({ error: { code: 'admin_required' } });
    expect((await invite(app, alice, 'bob@example.com')).json()).toMatchObject({ error: { code: 'email_taken' } });
    await storage.accounts.setUserRole(bob.userId, 'admin');
    const reply = await invite(app, bob, 'carol@example.com');
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toEqual({
      email: 'carol@example.com',
      code: expect.stringMatching(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/),
      expiresAt: expect.any(String),
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'x@example.com' } })).statusCode,
    ).toBe(401);
  });

  it('[A5] with invitations, whether an address has an account is never told to someone without its code', async () => {
    const { app } = await relay({ registration: 'invite' });
    await register(app, 'alice@example.com');
    const taken = await register(app, 'alice@example.com', { invitationCode: 'AAAA-BBBB-CCCC-DDDD' });
    const free = await register(app, 'nobody@example.com', { invitationCode: 'AAAA-BBBB-CCCC-DDDD' });
    expect(taken.json()).toEqual(free.json());
    expect((await register(app, 'alice@example.com')).json()).toEqual(
      (await register(app, 'nobody@example.com')).json(),
    );
  });
});

describe('the password rule', () => {
  it.each([
    ['eight digits', '12345678'],
    ['a common word', 'password'],
    ['eight spaces', '        '],
    ['twelve spaces', '            '],
    ['one character repeated', 'aaaaaaaaaaaa'],
    ['a commonly used long password', 'password123'],
    ['a commonly used long password in capitals', 'QWERTYUIOP1'],
    ['the email address', 'Alice.Smith@example.com'],
    ['the email’s name', 'alice.smith'],
  ])('[A3] refuses %s for a new account', async (_case, weak) => {
    const { app, storage } = await relay();
    const reply = await register(app, 'alice.smith@example.com', { password: weak });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'weak_password' } });
    expect(await storage.accounts.hasUsers()).toBe(false);
  });

  it('[A3] accepts a long passphrase in any script', async () => {
    const { app } = await relay();
    expect((await register(app, 'alice@example.com', { password: 'contraseña de María' })).statusCode).toBe(201);
    expect((await register(app, 'bob@example.com', { password: 'пароль для боба' })).statusCode).toBe(201);
  });

  it('[A3] an account made before the rule still signs in with its short password', async () => {
    const { app, storage } = await relay();
    await storage.accounts.createUser({
      id: 'user-old',
      email: 'old@example.com',
      passwordHash: await hashPassword('hunter22', 2 ** 10),
      docId: 'ledger-old',
      createdAt: 1,
    });
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'old@example.com', password: 'hunter22', deviceName: 'Phone' },
    });
    expect(reply.statusCode).toBe(200);
  });
});
