import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayConfig } from '../relay-config.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { closeCodes } from '../sync/peer-socket.js';
import { withFaults } from '../testing/faults.js';
import {
  closedWith,
  DataDir,
  login,
  openSyncSocket,
  postJson,
  RunningRelay,
  register,
} from '../testing/relay-harness.js';
import { linkToken, SmtpInbox } from '../testing/smtp-inbox.js';

const publicUrl = 'https://tally.example';
const newPassword = 'a brand new passphrase';

let dataDir: DataDir;
let inbox: SmtpInbox;
let relay: RunningRelay;

async function start(config: Partial<RelayConfig> = {}): Promise<void> {
  relay = await RunningRelay.start(dataDir, { smtpUrl: inbox.url, publicUrl, mailRetryMs: 20, ...config });
}

beforeEach(async () => {
  dataDir = new DataDir();
  inbox = await SmtpInbox.start();
});
afterEach(async () => {
  await relay.stop();
  await inbox.stop();
  dataDir.remove();
});

async function metric(outcome: 'sent' | 'retried' | 'failed'): Promise<number> {
  const text = await (await fetch(`${relay.httpUrl}/metrics`)).text();
  const value = new RegExp(`tally_relay_mails_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1];
  return Number(value);
}

function askReset(email: string) {
  return fetch(`${relay.httpUrl}/api/auth/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'es-ES,es;q=0.9' },
    body: JSON.stringify({ email }),
  });
}

function askRegistration(email: string, password = 'correct horse battery') {
  return postJson(`${relay.httpUrl}/api/auth/register`, { email, password, deviceName: 'Phone' });
}

/** Opens an open registration's link, with the password typed on the screen it leads to. */
async function finishStatus(token: string, password?: string): Promise<number> {
  const reply = await fetch(`${relay.httpUrl}/api/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(password === undefined ? { token } : { token, password }),
  });
  return reply.status;
}

async function signIn(email: string, password: string): Promise<number> {
  return (await postJson(`${relay.httpUrl}/api/auth/login`, { email, password, deviceName: 'Phone' })).status;
}

describe('account mail through a real SMTP server', () => {
  it('[M4] a registration sends a verification mail in the registrant’s language whose link verifies, once', async () => {
    await start();
    const reply = await fetch(`${relay.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'de-CH, de;q=0.9, en;q=0.8' },
      body: JSON.stringify({ email: 'Alice@Example.com', password: 'correct horse battery', deviceName: 'Phone' }),
    });
    expect(reply.status).toBe(201);
    const { userId } = (await reply.json()) as { userId: string };
    const mail = await inbox.mail();
    expect(mail.to).toMatchObject({ text: 'alice@example.com' });
    expect(mail.from).toMatchObject({ value: [{ name: 'Tally', address: 'no-reply@tally.example' }] });
    expect(mail.subject).toBe('Bestätige deine E-Mail-Adresse für Tally');
    expect(mail.text).toContain(`${publicUrl}/#/verify-email?token=`);
    expect(mail.html).toContain('Meine Adresse bestätigen');
    expect(await relay.storage.mail.verifiedAt(userId)).toBeNull();

    const token = linkToken(mail);
    expect(await postJson(`${relay.httpUrl}/api/auth/verify`, { token: `${token}x` })).toMatchObject({
      status: 400,
      body: { error: { code: 'link_invalid' } },
    });
    const verified = await fetch(`${relay.httpUrl}/api/auth/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(verified.status).toBe(204);
    expect(await relay.storage.mail.verifiedAt(userId)).toEqual(expect.any(Number));
    expect(await postJson(`${relay.httpUrl}/api/auth/verify`, { token })).toMatchObject({
      status: 400,
      body: { error: { code: 'link_invalid' } },
    });
    expect(await metric('sent')).toBe(1);
  });

  it('[M4] a registration whose verification mail cannot be stored creates no account, so the address can register again', async () => {
    await start();
    const outside = new Database(dataDir.dbFile);
    outside
      .prepare(
        `CREATE TRIGGER outbox_full BEFORE INSERT ON mail_outbox
         BEGIN SELECT RAISE(ABORT, 'outbox full'); END`,
      )
      .run();
    const attempt = () =>
      postJson(`${relay.httpUrl}/api/auth/register`, {
        email: 'alice@example.com',
        password: 'correct horse battery',
        deviceName: 'Phone',
      });
    expect(await attempt()).toMatchObject({ status: 500, body: { error: { code: 'internal' } } });
    expect(await relay.storage.accounts.findUserByEmail('alice@example.com')).toBeNull();
    expect(await relay.storage.accounts.hasUsers()).toBe(false);

    outside.prepare('DROP TRIGGER outbox_full').run();
    outside.close();
    expect(await attempt()).toMatchObject({ status: 201 });
    expect((await inbox.mail(1)).to).toMatchObject({ text: 'alice@example.com' });
  });

  it('[M5] a reset mail’s link sets a new password once; the old refresh tokens are refused and open sockets close', async () => {
    await start();
    const phone = await register(relay.httpUrl, 'alice@example.com', 'Phone');
    const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const socket = await openSyncSocket(relay.syncUrl, phone);
    const closing = closedWith(socket);

    expect((await askReset('alice@example.com')).status).toBe(202);
    const mail = await inbox.mail(2);
    expect(mail.subject).toBe('Set a new password for Tally');
    expect(mail.text).toContain(`${publicUrl}/#/reset-password?token=`);
    const token = linkToken(mail);

    const confirm = (password: string) =>
      postJson(`${relay.httpUrl}/api/auth/password-reset/confirm`, { token, password });
    expect(await confirm('password123')).toMatchObject({ status: 400, body: { error: { code: 'weak_password' } } });
    const done = await fetch(`${relay.httpUrl}/api/auth/password-reset/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: newPassword }),
    });
    expect(done.status).toBe(204);
    expect(await closing).toEqual({ code: closeCodes.policyViolation, reason: 'device revoked' });
    for (const session of [phone, laptop]) {
      expect(await postJson(`${relay.httpUrl}/api/auth/refresh`, { refreshToken: session.refreshToken })).toMatchObject(
        {
          status: 401,
          body: { error: { code: 'invalid_refresh_token' } },
        },
      );
    }
    expect(
      await postJson(`${relay.httpUrl}/api/auth/login`, {
        email: 'alice@example.com',
        password: 'correct horse battery',
        deviceName: 'Tablet',
      }),
    ).toMatchObject({ status: 401 });
    expect(
      await postJson(`${relay.httpUrl}/api/auth/login`, {
        email: 'alice@example.com',
        password: newPassword,
        deviceName: 'Tablet',
      }),
    ).toMatchObject({ status: 200 });
    expect(await confirm('yet another new passphrase')).toMatchObject({
      status: 400,
      body: { error: { code: 'link_invalid' } },
    });
  });

  it('[M5] a reset for an unknown address sends nothing and answers exactly as one for a known address', async () => {
    await start();
    await register(relay.httpUrl, 'alice@example.com');
    await inbox.mail(1);
    const unknown = await askReset('nobody@example.com');
    const known = await askReset('alice@example.com');
    const answer = async (reply: Response) => ({
      status: reply.status,
      body: await reply.text(),
      contentType: reply.headers.get('content-type'),
      contentLength: reply.headers.get('content-length'),
    });
    expect(await answer(unknown)).toEqual(await answer(known));
    expect(unknown.status).toBe(202);
    // Mails leave in the order they were asked for: once the known address's has arrived, an
    // unknown one's would have too.
    const reset = await inbox.mail(2);
    expect(reset.to).toMatchObject({ text: 'alice@example.com' });
    expect(inbox.mails.map((mail) => mail.to)).toHaveLength(2);
  });

  it('[M2] a mail server answering 451 twice and then 250 gets the mail once', async () => {
    await start();
    inbox.answerNext(451, 451);
    await register(relay.httpUrl, 'alice@example.com');
    await inbox.mail(1);
    expect(inbox.answers).toEqual([451, 451, 250]);
    expect(inbox.mails).toHaveLength(1);
    expect([await metric('sent'), await metric('retried'), await metric('failed')]).toEqual([1, 2, 0]);
  });

  it('[M2] a 550 is recorded as failed, with why, and not tried again', async () => {
    await start();
    inbox.answerNext(550);
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const failed = () => relay.storage.mail.findMail(`email-verification:${alice.userId}`);
    let state = await failed();
    while (state?.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      state = await failed();
    }
    expect(state).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('550') });
    // The sender goes on with the next mail, and never comes back to the refused one.
    await askRegistration('bob@example.com');
    const bob = await inbox.mail(1);
    expect(bob.to).toMatchObject({ text: 'bob@example.com' });
    expect(inbox.answers).toEqual([550, 250]);
    expect([await metric('sent'), await metric('retried'), await metric('failed')]).toEqual([1, 0, 1]);
  });

  it('[M2] an outbox that cannot be read is tried again a while later; each failure is logged and counted', async () => {
    const faulty = withFaults(new SqliteStorage(dataDir.dbFile));
    // Once as the relay starts, once as the registration queues its mail.
    faulty.mail.failNext('dueMails', new Error('disk on fire'), { times: 2 });
    relay = await RunningRelay.start(dataDir, { smtpUrl: inbox.url, publicUrl, mailRetryMs: 20 }, 0, faulty.storage);
    await register(relay.httpUrl, 'alice@example.com');
    expect((await inbox.mail(1)).to).toMatchObject({ text: 'alice@example.com' });
    const text = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    expect(text).toContain('tally_relay_failures_total{kind="mail"} 2');
    expect(await metric('sent')).toBe(1);
  });

  it('[M4] a relay starting with mail on mails the accounts of the last week that never got a verification mail', async () => {
    const storage = new SqliteStorage(dataDir.dbFile);
    const day = 24 * 60 * 60 * 1000;
    const account = (name: string, createdAt: number) => ({
      id: `user-${name}`,
      email: `${name}@example.com`,
      passwordHash: 'hash',
      docId: `ledger-${name}`,
      createdAt,
    });
    // Accounts as a relay with mail off left them.
    await storage.accounts.createUser(account('old', Date.now() - 8 * day));
    await storage.accounts.createUser(account('recent', Date.now() - day));
    await storage.mail.setLanguage('user-recent', 'es');
    await storage.close();
    await start();
    const mail = await inbox.mail(1);
    expect(mail.to).toMatchObject({ text: 'recent@example.com' });
    expect(mail.subject).toBe('Confirma tu dirección de correo para Tally');
    // Accounts are gone through oldest first, so the older one's mail would have come first.
    expect(inbox.mails).toHaveLength(1);
  });

  it('[A5] open registration with mail on answers a taken address exactly like a new one; only the mailbox learns which', async () => {
    await start({ registration: 'open' });
    await register(relay.httpUrl, 'alice@example.com');
    await inbox.mail(1);

    const taken = await askRegistration('alice@example.com', 'a guess at her passphrase');
    const fresh = await askRegistration('bob@example.com', 'bobs own passphrase');
    expect(taken).toEqual({ status: 202, body: { status: 'check_mail' } });
    expect(fresh).toEqual(taken);
    await inbox.mail(3);
    const titled = (subject: string) => inbox.mails.find((mail) => mail.subject === subject);

    // Alice hears someone tried, with a way back in; her password is unchanged.
    const attempt = titled('Someone tried to create a Tally account with your address');
    expect(attempt?.to).toMatchObject({ text: 'alice@example.com' });
    expect(attempt?.text).toContain(`${publicUrl}/#/reset-password?token=`);
    await login(relay.httpUrl, 'alice@example.com', 'Laptop');

    // Bob has no account until he opens his link with the password he chose; then he signs in.
    const finish = titled('Finish creating your Tally account');
    expect(finish?.to).toMatchObject({ text: 'bob@example.com' });
    expect(await relay.storage.accounts.findUserByEmail('bob@example.com')).toBeNull();
    if (finish === undefined) throw new Error('no mail for bob');
    const link = linkToken(finish);
    expect(await finishStatus(`${link.slice(0, -2)}xx`, 'bobs own passphrase')).toBe(400);
    expect(await finishStatus(link)).toBe(401);
    expect(await finishStatus(link, 'not what bob chose')).toBe(401);
    expect(await relay.storage.accounts.findUserByEmail('bob@example.com')).toBeNull();
    expect(await finishStatus(link, 'bobs own passphrase')).toBe(204);
    const bob = await relay.storage.accounts.findUserByEmail('bob@example.com');
    expect(await relay.storage.mail.verifiedAt(bob?.id ?? '')).toEqual(expect.any(Number));
    expect(await signIn('bob@example.com', 'bobs own passphrase')).toBe(200);
    // Opening the link again makes no second account.
    expect(await finishStatus(link, 'bobs own passphrase')).toBe(204);
    expect((await relay.storage.accounts.listUsers()).map((user) => user.email).sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
  });

  it('[A5] a link someone else asked for with your address makes no account you would share with them', async () => {
    await start({ registration: 'open' });
    await register(relay.httpUrl, 'alice@example.com');
    await inbox.mail(1);

    // Mallory registers cleo's address first; cleo registers it herself a minute later.
    await askRegistration('cleo@example.com', 'mallorys passphrase');
    await askRegistration('cleo@example.com', 'cleos own passphrase');
    await inbox.mail(3);
    const [mallorys, cleos] = inbox.mails.slice(1).map(linkToken);
    if (mallorys === undefined || cleos === undefined) throw new Error('expected two links for cleo');

    // Cleo opening the first link with her password is refused, and no account is made.
    expect(await finishStatus(mallorys, 'cleos own passphrase')).toBe(401);
    expect(await relay.storage.accounts.findUserByEmail('cleo@example.com')).toBeNull();
    expect(await finishStatus(cleos, 'cleos own passphrase')).toBe(204);
    expect(await signIn('cleo@example.com', 'cleos own passphrase')).toBe(200);
    expect(await signIn('cleo@example.com', 'mallorys passphrase')).toBe(401);
    expect(await finishStatus(mallorys, 'mallorys passphrase')).toBe(400);
  });

  it('[M2] with mail off, the relay says so and asking for a reset is refused with mail_off', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    relay = await RunningRelay.start(dataDir, { logLevel: 'info', logStream });
    expect(lines.map((line) => JSON.parse(line) as { msg: string; mail?: string })).toContainEqual(
      expect.objectContaining({ mail: 'off', msg: expect.stringContaining('mail is off') }),
    );
    await register(relay.httpUrl, 'alice@example.com');
    expect(await postJson(`${relay.httpUrl}/api/auth/password-reset`, { email: 'alice@example.com' })).toMatchObject({
      status: 503,
      body: { error: { code: 'mail_off' } },
    });
    expect(inbox.mails).toHaveLength(0);
    expect(await relay.storage.mail.dueMails(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });
});

describe('an account whose address is not verified', () => {
  async function asAccount(accessToken: string, path: string, body?: unknown) {
    const response = await fetch(`${relay.httpUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 202 ? null : await response.json() };
  }

  /** The `nth` mail to `address`, once it has arrived. */
  async function mailTo(address: string, nth = 1): Promise<ParsedMail> {
    await expect
      .poll(() => inbox.mails.filter((mail) => JSON.stringify(mail.to).includes(address)).length)
      .toBeGreaterThanOrEqual(nth);
    const mail = inbox.mails.filter((found) => JSON.stringify(found.to).includes(address))[nth - 1];
    if (mail === undefined) throw new Error(`no mail ${nth} to ${address}`);
    return mail;
  }

  async function follow(mail: ParsedMail): Promise<number> {
    const response = await fetch(`${relay.httpUrl}/api/auth/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: linkToken(mail) }),
    });
    return response.status;
  }

  it('[M6] may not invite to a ledger nor accept an invitation until it follows its link', async () => {
    // By invitation, so the second account registers at once rather than through a link (A5).
    await start({ registration: 'invite' });
    const owner = await register(relay.httpUrl, 'owner@example.com');
    const relayInvitation = await asAccount(owner.accessToken, '/api/invitations', { email: 'guest@example.com' });
    const registered = await postJson(`${relay.httpUrl}/api/auth/register`, {
      email: 'guest@example.com',
      password: 'correct horse battery',
      deviceName: 'Phone',
      invitationCode: (relayInvitation.body as { code: string }).code,
    });
    expect(registered.status).toBe(201);
    const guest = registered.body as { accessToken: string };
    const ledger = (await asAccount(owner.accessToken, '/api/ledgers', { name: 'Home' })).body as { docId: string };
    const invite = () =>
      asAccount(owner.accessToken, `/api/ledgers/${ledger.docId}/invitations`, {
        email: 'guest@example.com',
        role: 'editor',
      });

    expect(await invite()).toMatchObject({ status: 403, body: { error: { code: 'email_unverified' } } });
    expect(await follow(await mailTo('owner@example.com'))).toBe(204);
    const invitation = await invite();
    expect(invitation.status).toBe(201);
    const { code } = invitation.body as { code: string };

    const accept = () => asAccount(guest.accessToken, '/api/invitations/accept', { code });
    expect(await accept()).toMatchObject({ status: 403, body: { error: { code: 'email_unverified' } } });
    expect(await follow(await mailTo('guest@example.com'))).toBe(204);
    expect(await accept()).toMatchObject({ status: 200, body: { docId: ledger.docId, role: 'editor' } });
  });

  it('[M6] asks for a new link and gets one; a verified account asking is answered the same and sent nothing', async () => {
    await start();
    const session = await register(relay.httpUrl, 'late@example.com');
    const first = await mailTo('late@example.com');
    expect(await asAccount(session.accessToken, '/api/auth/verify/resend')).toEqual({ status: 202, body: null });
    const resent = await mailTo('late@example.com', 2);
    expect(resent.subject).toBe(first.subject);
    // A second ask in the same ten minutes queues nothing more.
    expect(await asAccount(session.accessToken, '/api/auth/verify/resend')).toEqual({ status: 202, body: null });

    expect(await follow(resent)).toBe(204);
    expect(await follow(first)).toBe(400);
    expect(await asAccount(session.accessToken, '/api/auth/verify/resend')).toEqual({ status: 202, body: null });
    await relay.stop();
    await start();
    expect(inbox.mails).toHaveLength(2);
  });
});
