import { Agent } from 'node:https';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateVapidKeys } from '../push/vapid-keys.js';
import type { RelayConfig } from '../relay-config.js';
import { BrowserSubscription } from '../testing/browser-subscription.js';
import { PushEndpoint, throwawayCertificate } from '../testing/push-endpoint.js';
import { DataDir, postJson, RunningRelay, type Session } from '../testing/relay-harness.js';
import { SmtpInbox } from '../testing/smtp-inbox.js';

const publicUrl = 'https://tally.example';
const password = 'correct horse battery';
const certificate = throwawayCertificate();

let dataDir: DataDir;
let inbox: SmtpInbox;
let pushService: PushEndpoint;
let relay: RunningRelay;

async function start(config: Partial<RelayConfig> = {}): Promise<void> {
  relay = await RunningRelay.start(dataDir, {
    smtpUrl: inbox.url,
    publicUrl,
    registration: 'invite',
    vapidKeys: loadOrCreateVapidKeys(dataDir.path),
    pushAgent: new Agent({ ca: certificate.cert }),
    ...config,
  });
}

beforeEach(async () => {
  dataDir = new DataDir();
  inbox = await SmtpInbox.start();
  pushService = await PushEndpoint.start(certificate);
});
afterEach(async () => {
  await relay.stop();
  await pushService.stop();
  await inbox.stop();
  dataDir.remove();
});

async function call(session: Session, method: string, path: string, body?: unknown) {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${session.accessToken}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Registers an account in a language, verified (M6), by `inviter`'s account invitation unless it is the first. */
async function account(email: string, language: string, inviter?: Session): Promise<Session> {
  const invitation = inviter === undefined ? null : await call(inviter, 'POST', '/api/invitations', { email });
  const response = await fetch(`${relay.httpUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({
      email,
      password,
      deviceName: 'Phone',
      ...(invitation !== null && { invitationCode: (invitation.body as { code: string }).code }),
    }),
  });
  expect(response.status).toBe(201);
  const session = (await response.json()) as Session;
  await relay.storage.mail.markVerified(session.userId, Date.now());
  return session;
}

/** The first mail to `address` with this subject, once it has arrived. */
async function mailTo(address: string, subject: string): Promise<ParsedMail> {
  for (;;) {
    const mail = inbox.mails.find((found) => JSON.stringify(found.to).includes(address) && found.subject === subject);
    if (mail !== undefined) return mail;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function codeOfLink(mail: ParsedMail): string {
  const code = new RegExp(`${publicUrl}/#/accept\\?code=([^\\s]+)`).exec(mail.text ?? '')?.[1];
  if (code === undefined) throw new Error(`no invitation link in: ${mail.text}`);
  return decodeURIComponent(code);
}

async function sharedLedger(owner: Session): Promise<string> {
  return ((await call(owner, 'POST', '/api/ledgers', { name: 'Home' })).body as { docId: string }).docId;
}

describe('[L7] ledger invitations by mail and push', () => {
  it('an address with no account is mailed, in the inviter’s language, a link whose code joins the ledger', async () => {
    await start();
    const owner = await account('ana@example.com', 'es-ES,es;q=0.9');
    const docId = await sharedLedger(owner);
    const invited = await call(owner, 'POST', `/api/ledgers/${docId}/invitations`, {
      email: 'Bea@Example.com',
      role: 'editor',
      expiresInHours: 48,
    });
    expect(invited).toMatchObject({ status: 201, body: { mailed: true, code: expect.any(String) } });

    const mail = await mailTo('bea@example.com', 'ana@example.com te ha invitado a un libro de cuentas en Tally');
    expect(mail.text).toContain('48 horas');
    const code = codeOfLink(mail);
    expect(code).toBe((invited.body as { code: string }).code);

    const bea = await account('bea@example.com', 'en', owner);
    expect(await call(bea, 'POST', '/api/invitations/accept', { code })).toEqual({
      status: 200,
      body: { docId, role: 'editor' },
    });
    expect(await call(bea, 'POST', '/api/invitations/accept', { code })).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation_invalid' } },
    });
  });

  it('an invitee with an account is mailed in their own language and their subscribed device gets a push without the code', async () => {
    await start();
    const owner = await account('ana@example.com', 'es');
    const bea = await account('bea@example.com', 'de', owner);
    const browser = new BrowserSubscription(pushService.url('/push/bea-phone'));
    expect((await call(bea, 'POST', '/api/push/subscriptions', browser.json)).status).toBe(201);
    const docId = await sharedLedger(owner);

    const invited = await call(owner, 'POST', `/api/ledgers/${docId}/invitations`, {
      email: 'bea@example.com',
      role: 'viewer',
    });
    expect(invited).toMatchObject({ status: 201, body: { mailed: true } });
    const { code } = invited.body as { code: string };

    const [push] = await pushService.receivedCount(1);
    if (push === undefined) throw new Error('no push arrived');
    expect(push.path).toBe('/push/bea-phone');
    const message = browser.decrypt(push.body);
    expect(JSON.parse(message)).toEqual({
      title: 'ana@example.com hat dich zu einem Haushaltsbuch eingeladen',
      body: 'Öffne Tally und tritt mit dem Code aus der Einladung bei.',
      screen: '/accept',
    });
    expect(message).not.toContain(code);

    const mail = await mailTo('bea@example.com', 'ana@example.com hat dich zu einem Haushaltsbuch in Tally eingeladen');
    expect(await call(bea, 'POST', '/api/invitations/accept', { code: codeOfLink(mail) })).toEqual({
      status: 200,
      body: { docId, role: 'viewer' },
    });
  });

  it('an invitee who chose no invitation mail gets only the push, and the owner is told to pass the code on', async () => {
    await start();
    const owner = await account('ana@example.com', 'en');
    const bea = await account('bea@example.com', 'en', owner);
    const browser = new BrowserSubscription(pushService.url('/push/bea-phone'));
    await call(bea, 'POST', '/api/push/subscriptions', browser.json);
    await call(bea, 'PUT', '/api/notifications/preferences', {
      timeZone: null,
      kinds: { billReminders: { email: false, push: true }, invitations: { email: false, push: true } },
    });
    const docId = await sharedLedger(owner);

    const invited = await call(owner, 'POST', `/api/ledgers/${docId}/invitations`, {
      email: 'bea@example.com',
      role: 'viewer',
    });
    expect(invited).toMatchObject({ status: 201, body: { mailed: false } });
    const [push] = await pushService.receivedCount(1);
    expect(JSON.parse(browser.decrypt(push?.body ?? Buffer.alloc(0)))).toMatchObject({
      title: 'ana@example.com invited you to a ledger',
    });
    const invitationMail = `ledger-invitation:${(invited.body as { invitationId: string }).invitationId}`;
    expect(await relay.storage.mail.findMail(invitationMail)).toBeNull();
  });

  it('with mail off the invitation answers its code to pass on, and nothing is queued', async () => {
    relay = await RunningRelay.start(dataDir, { registration: 'invite' });
    const owner = (
      await postJson(`${relay.httpUrl}/api/auth/register`, { email: 'ana@example.com', password, deviceName: 'Phone' })
    ).body as Session;
    const docId = await sharedLedger(owner);
    const invited = await call(owner, 'POST', `/api/ledgers/${docId}/invitations`, {
      email: 'bea@example.com',
      role: 'editor',
    });
    expect(invited).toMatchObject({ status: 201, body: { mailed: false, code: expect.any(String) } });
    expect(await relay.storage.mail.dueMails(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });
});
