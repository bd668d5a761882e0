import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayConfig } from '../relay-config.js';
import { DataDir, postJson, RunningRelay, register } from '../testing/relay-harness.js';
import { linkToken, SmtpInbox } from '../testing/smtp-inbox.js';

const publicUrl = 'https://tally.example';
const password = 'correct horse battery';

let dataDir: DataDir;
let inbox: SmtpInbox;
let relay: RunningRelay;

async function start(config: Partial<RelayConfig> = {}): Promise<void> {
  relay = await RunningRelay.start(dataDir, { smtpUrl: inbox.url, publicUrl, registration: 'invite', ...config });
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

async function asAccount(accessToken: string, path: string, body?: unknown) {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function mailsTo(address: string): ParsedMail[] {
  return inbox.mails.filter((mail) => JSON.stringify(mail.to).includes(address));
}

/** The `nth` mail to `address` with this subject, once it has arrived. */
async function mailTo(address: string, subject: string, nth = 1): Promise<ParsedMail> {
  for (;;) {
    const mail = mailsTo(address).filter((found) => found.subject === subject)[nth - 1];
    if (mail !== undefined) return mail;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function confirm(token: string) {
  return postJson(`${relay.httpUrl}/api/auth/email/confirm`, { token });
}

async function signIn(email: string): Promise<number> {
  return (await postJson(`${relay.httpUrl}/api/auth/login`, { email, password, deviceName: 'Laptop' })).status;
}

/** A second account, registered by the first one's invitation so it exists at once (A5). */
async function secondAccount(inviter: string, email: string): Promise<void> {
  const invitation = await asAccount(inviter, '/api/invitations', { email });
  const registered = await postJson(`${relay.httpUrl}/api/auth/register`, {
    email,
    password,
    deviceName: 'Phone',
    invitationCode: (invitation.body as { code: string }).code,
  });
  expect(registered.status).toBe(201);
}

const changeSubject = 'Confirm your new email address for Tally';
const noticeSubject = 'Someone asked to change the email address of your Tally account';

describe('[M7] changing the email address', () => {
  it('mails a link to the new address and a notice to the current one; the link changes the address, verified, once', async () => {
    await start();
    const alice = await register(relay.httpUrl, 'alice@example.com');
    expect(await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'Alice@New.example', password })).toEqual({
      status: 202,
      body: null,
    });

    const notice = await mailTo('alice@example.com', noticeSubject);
    expect(notice.text).toContain('alice@new.example');
    const mail = await mailTo('alice@new.example', changeSubject);
    expect(mail.text).toContain(`${publicUrl}/#/change-email?token=`);
    // Until the link is opened, the account keeps its address.
    expect(await signIn('alice@example.com')).toBe(200);
    expect(await signIn('alice@new.example')).toBe(401);

    const token = linkToken(mail);
    expect(await confirm(`${token}x`)).toMatchObject({ status: 400, body: { error: { code: 'link_invalid' } } });
    expect(await confirm(token)).toEqual({ status: 200, body: { userId: alice.userId, email: 'alice@new.example' } });
    expect(await signIn('alice@new.example')).toBe(200);
    expect(await signIn('alice@example.com')).toBe(401);
    expect(await relay.storage.mail.verifiedAt(alice.userId)).toEqual(expect.any(Number));

    expect(await confirm(token)).toMatchObject({ status: 400, body: { error: { code: 'link_invalid' } } });
    expect((await relay.storage.accounts.findUser(alice.userId))?.email).toBe('alice@new.example');
  });

  it('answers an address another account has exactly like a free one, mails it nothing and changes nothing', async () => {
    await start();
    const alice = await register(relay.httpUrl, 'alice@example.com');
    await secondAccount(alice.accessToken, 'bob@example.com');
    const bobMailsBefore = async () => {
      await mailTo('bob@example.com', 'Confirm your email address for Tally');
      return mailsTo('bob@example.com').length;
    };
    const bobsMails = await bobMailsBefore();

    const taken = await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'bob@example.com', password });
    const free = await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'carol@example.com', password });
    expect(taken).toEqual(free);
    expect(taken).toEqual({ status: 202, body: null });

    // Both asks send the current address its notice; only the free address gets a link.
    await mailTo('alice@example.com', noticeSubject, 2);
    await mailTo('carol@example.com', changeSubject);
    expect(mailsTo('bob@example.com')).toHaveLength(bobsMails);
    expect((await relay.storage.accounts.findUser(alice.userId))?.email).toBe('alice@example.com');
    expect(await signIn('bob@example.com')).toBe(200);
  });

  it('a link whose address another account took meanwhile is refused with email_taken and changes nothing', async () => {
    await start();
    const alice = await register(relay.httpUrl, 'alice@example.com');
    await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'bob@example.com', password });
    const token = linkToken(await mailTo('bob@example.com', changeSubject));
    await secondAccount(alice.accessToken, 'bob@example.com');

    expect(await confirm(token)).toMatchObject({ status: 409, body: { error: { code: 'email_taken' } } });
    expect((await relay.storage.accounts.findUser(alice.userId))?.email).toBe('alice@example.com');
  });

  it('a password reset ends a change someone asked with the old password: its link no longer works', async () => {
    await start();
    const alice = await register(relay.httpUrl, 'alice@example.com');
    await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'mallory@example.com', password });
    const changeToken = linkToken(await mailTo('mallory@example.com', changeSubject));

    expect((await postJson(`${relay.httpUrl}/api/auth/password-reset`, { email: 'alice@example.com' })).status).toBe(
      202,
    );
    const resetToken = linkToken(await mailTo('alice@example.com', 'Set a new password for Tally'));
    const reset = await fetch(`${relay.httpUrl}/api/auth/password-reset/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: resetToken, password: 'a brand new passphrase' }),
    });
    expect(reset.status).toBe(204);

    expect(await confirm(changeToken)).toMatchObject({ status: 400, body: { error: { code: 'link_invalid' } } });
    expect((await relay.storage.accounts.findUser(alice.userId))?.email).toBe('alice@example.com');
  });

  it('refuses a wrong password, and says so when the relay sends no mail', async () => {
    await start();
    const alice = await register(relay.httpUrl, 'alice@example.com');
    expect(
      await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'new@example.com', password: 'not mine' }),
    ).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
    expect(
      await asAccount(alice.accessToken, '/api/auth/email', { newEmail: 'not an address', password }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    await relay.stop();

    relay = await RunningRelay.start(dataDir, {});
    const again = await postJson(`${relay.httpUrl}/api/auth/login`, {
      email: 'alice@example.com',
      password,
      deviceName: 'Laptop',
    });
    const { accessToken } = again.body as { accessToken: string };
    expect(await asAccount(accessToken, '/api/auth/email', { newEmail: 'new@example.com', password })).toMatchObject({
      status: 503,
      body: { error: { code: 'mail_off' } },
    });
    expect(mailsTo('new@example.com')).toEqual([]);
  });
});
