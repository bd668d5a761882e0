import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { DataDir, postJson, register } from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
import { SmtpInbox } from '../testing/smtp-inbox.js';

let dataDir: DataDir;
const running: RelayProcess[] = [];
const inboxes: SmtpInbox[] = [];

beforeEach(() => {
  dataDir = new DataDir();
});
afterEach(async () => {
  for (const relay of running.splice(0)) await relay.kill('SIGKILL');
  for (const inbox of inboxes.splice(0)) await inbox.stop();
  dataDir.remove();
});

async function spawnRelay(smtpPort: number): Promise<RelayProcess> {
  const relay = await RelayProcess.spawn(dataDir.path, 0, {
    SMTP_URL: `smtp://relay:secret@127.0.0.1:${smtpPort}`,
    PUBLIC_URL: 'https://tally.example',
    MAIL_RETRY_MS: '50',
  });
  running.push(relay);
  return relay;
}

async function stopRelay(relay: RelayProcess, signal: NodeJS.Signals): Promise<void> {
  running.splice(running.indexOf(relay), 1);
  await relay.kill(signal);
}

describe('the outbox across restarts', () => {
  it('[M1] a relay killed with a mail in its outbox sends it after restart, and a sent mail is never sent again', {
    timeout: 120_000,
  }, async () => {
    // A port where no mail server listens yet: every attempt fails as the network would.
    const probe = await SmtpInbox.start();
    const port = probe.port;
    await probe.stop();

    const first = await spawnRelay(port);
    const alice = await register(first.httpUrl, 'alice@example.com');
    await stopRelay(first, 'SIGKILL');

    const inbox = await SmtpInbox.start(port);
    inboxes.push(inbox);
    const second = await spawnRelay(port);
    const mail = await inbox.mail(1);
    expect(mail.to).toMatchObject({ text: 'alice@example.com' });
    expect(mail.subject).toBe('Confirm your email address for Tally');
    await stopRelay(second, 'SIGTERM');

    const storage = new SqliteStorage(dataDir.dbFile);
    expect(await storage.mail.findMail(`email-verification:${alice.userId}`)).toMatchObject({
      state: 'sent',
      values: {},
    });
    await storage.close();

    // Mails leave in order: once bob's has arrived after a third start, alice's would have too.
    const third = await spawnRelay(port);
    // Registration is open and mail on: bob is mailed the link that finishes his registration.
    expect(
      await postJson(`${third.httpUrl}/api/auth/register`, {
        email: 'bob@example.com',
        password: 'correct horse battery',
        deviceName: 'Phone',
      }),
    ).toMatchObject({ status: 202 });
    const bob = await inbox.mail(2);
    expect(bob.to).toMatchObject({ text: 'bob@example.com' });
    expect(inbox.mails).toHaveLength(2);
  });
});
