import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { NewMail, NewMailToken } from './mail-store.js';

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash-a',
  docId: 'ledger-alice',
  createdAt: 1,
};

function mail(dedupeKey: string, createdAt = 100): NewMail {
  return {
    dedupeKey,
    to: alice.email,
    kind: 'password-reset',
    language: 'de',
    values: { link: `https://tally.example/#/reset-password?token=${dedupeKey}` },
    createdAt,
  };
}

function token(tokenHash: string, expiresAt = 1_000): NewMailToken {
  return { tokenHash, userId: alice.id, purpose: 'reset-password', createdAt: 100, expiresAt };
}

describe.each(storageImplementations)('$name mail store keeps its contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
    await storage.accounts.createUser(alice);
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[M1] a mail is stored once per dedupe key, and is due from when it was written', async () => {
    expect(await storage.mail.enqueue(mail('reset:1'))).toBe(true);
    expect(await storage.mail.enqueue({ ...mail('reset:1'), to: 'someone@example.com' })).toBe(false);
    expect(await storage.mail.dueMails(99, 10)).toEqual([]);
    const due = await storage.mail.dueMails(100, 10);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ ...mail('reset:1'), attempts: 0, state: 'pending', lastError: null });
    expect(await storage.mail.nextDueAt()).toBe(100);
  });

  it('[M1] a mail still pending is due again after the storage is reopened, as after a crash', async () => {
    await storage.mail.enqueue(mail('reset:1'));
    const reopened = await reopen();
    expect((await reopened.mail.dueMails(100, 10)).map((due) => due.dedupeKey)).toEqual(['reset:1']);
    if (reopened !== storage) await reopened.close();
  });

  it('[M1] a retried mail waits for its next attempt; a sent or failed one is never due again and forgets its link', async () => {
    await storage.mail.enqueue(mail('a'));
    await storage.mail.enqueue(mail('b'));
    await storage.mail.enqueue(mail('c'));
    const [a, b, c] = await storage.mail.dueMails(100, 10);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three mails are due');
    await storage.mail.markRetry(a.id, 500, '451 try again later');
    await storage.mail.markSent(b.id, 110);
    await storage.mail.markFailed(c.id, 120, '550 no such mailbox');
    expect(await storage.mail.dueMails(499, 10)).toEqual([]);
    expect(await storage.mail.nextDueAt()).toBe(500);
    expect(await storage.mail.findMail('a')).toMatchObject({
      attempts: 1,
      state: 'pending',
      lastError: '451 try again later',
    });
    expect(await storage.mail.findMail('b')).toMatchObject({ state: 'sent', finishedAt: 110, values: {} });
    expect(await storage.mail.findMail('c')).toMatchObject({
      state: 'failed',
      attempts: 1,
      finishedAt: 120,
      lastError: '550 no such mailbox',
      values: {},
    });
    await storage.mail.markRetry(b.id, 900, 'late');
    expect(await storage.mail.findMail('b')).toMatchObject({ state: 'sent', attempts: 0 });
  });

  it('[M1] pruning deletes mails finished and tokens expired before a time, and keeps pending mails', async () => {
    await storage.mail.issueToken(token('hash-old', 150), mail('old'));
    await storage.mail.issueToken(token('hash-new', 5_000), mail('new'));
    await storage.mail.enqueue(mail('pending'));
    const [old, fresh] = await storage.mail.dueMails(100, 10);
    if (old === undefined || fresh === undefined) throw new Error('two mails are due');
    await storage.mail.markSent(old.id, 200);
    await storage.mail.markFailed(fresh.id, 400, '550');
    expect(await storage.mail.prune(300)).toEqual({ mails: 1, tokens: 1 });
    expect(await storage.mail.findMail('old')).toBeNull();
    expect(await storage.mail.findMail('new')).toMatchObject({ state: 'failed' });
    expect(await storage.mail.findMail('pending')).toMatchObject({ state: 'pending' });
    expect(await storage.mail.tokenOwner('hash-new', 'reset-password', 300)).toBe(alice.id);
    expect(await storage.mail.enqueue(mail('old'))).toBe(true);
  });

  it('[M4] a token and its mail are stored together, or neither when the mail is a duplicate', async () => {
    expect(await storage.mail.issueToken(token('hash-1'), mail('reset:w1'))).toBe(true);
    expect(await storage.mail.issueToken(token('hash-2'), mail('reset:w1'))).toBe(false);
    expect(await storage.mail.tokenOwner('hash-1', 'reset-password', 200)).toBe(alice.id);
    expect(await storage.mail.tokenOwner('hash-2', 'reset-password', 200)).toBeNull();
  });

  it('[M4] a token is spent once, only for its purpose and before it expires, and spending it spends its siblings', async () => {
    await storage.mail.issueToken(token('hash-1'), mail('reset:1'));
    await storage.mail.issueToken(token('hash-2'), mail('reset:2'));
    await storage.mail.issueToken(token('hash-old', 300), mail('reset:3'));
    expect(await storage.mail.spendToken('hash-1', 'verify-email', 200)).toBeNull();
    expect(await storage.mail.spendToken('hash-old', 'reset-password', 300)).toBeNull();
    expect(await storage.mail.spendToken('hash-1', 'reset-password', 200)).toBe(alice.id);
    expect(await storage.mail.spendToken('hash-1', 'reset-password', 201)).toBeNull();
    expect(await storage.mail.spendToken('hash-2', 'reset-password', 201)).toBeNull();
    expect(await storage.mail.spendToken('never-issued', 'reset-password', 201)).toBeNull();
  });

  it('[M4] an account keeps its mail language, and its verification from the first time', async () => {
    expect(await storage.mail.languageOf(alice.id)).toBeNull();
    expect(await storage.mail.verifiedAt(alice.id)).toBeNull();
    await storage.mail.setLanguage(alice.id, 'es');
    await storage.mail.markVerified(alice.id, 50);
    await storage.mail.markVerified(alice.id, 60);
    expect(await storage.mail.languageOf(alice.id)).toBe('es');
    expect(await storage.mail.verifiedAt(alice.id)).toBe(50);
  });

  it('[M4] a registration keeps the account, its language and its verification mail together; a refused one keeps none', async () => {
    const bob = { ...alice, id: 'user-bob', email: 'bob@example.com', docId: 'ledger-bob' };
    const welcome = (user: typeof bob) => ({
      language: 'es' as const,
      verification: {
        token: { ...token(`verify-${user.id}`), userId: user.id, purpose: 'verify-email' as const },
        mail: { ...mail(`email-verification:${user.id}`), to: user.email, kind: 'email-verification' as const },
      },
    });
    expect(await storage.registerUser(bob, { kind: 'open' }, welcome(bob))).toBe('created');
    expect(await storage.accounts.findUserByEmail(bob.email)).toMatchObject({ id: bob.id });
    expect(await storage.mail.languageOf(bob.id)).toBe('es');
    expect(await storage.mail.findMail('email-verification:user-bob')).toMatchObject({ to: bob.email });
    expect(await storage.mail.tokenOwner('verify-user-bob', 'verify-email', 500)).toBe(bob.id);

    const taken = { ...bob, id: 'user-bob-2', docId: 'ledger-bob-2' };
    expect(await storage.registerUser(taken, { kind: 'open' }, welcome(taken))).toBe('email_taken');
    expect(await storage.mail.findMail('email-verification:user-bob-2')).toBeNull();
    expect(await storage.mail.languageOf(taken.id)).toBeNull();

    const carol = { ...alice, id: 'user-carol', email: 'carol@example.com', docId: 'ledger-carol' };
    expect(await storage.registerUser(carol, { kind: 'open' }, { language: 'de', verification: null })).toBe('created');
    expect(await storage.mail.languageOf(carol.id)).toBe('de');
    expect(await storage.mail.findMail('email-verification:user-carol')).toBeNull();
  });

  it('[M7] a change of address is stored with its mail; its link gives the account the address, verified, once', async () => {
    const change = (tokenHash: string, email: string, expiresAt = 1_000) => ({
      tokenHash,
      userId: alice.id,
      email,
      createdAt: 100,
      expiresAt,
    });
    const changeMail = (key: string) => ({ ...mail(key), kind: 'email-change' as const });
    expect(await storage.mail.issueEmailChange(change('first', 'alice@new.example'), changeMail('change:1'))).toBe(
      true,
    );
    expect(await storage.mail.issueEmailChange(change('again', 'alice@new.example'), changeMail('change:1'))).toBe(
      false,
    );
    expect(await storage.changeEmail('again', 200)).toEqual({ kind: 'invalid' });
    expect(await storage.changeEmail('first', 1_000)).toEqual({ kind: 'invalid' });

    expect(await storage.changeEmail('first', 200)).toEqual({
      kind: 'changed',
      userId: alice.id,
      email: 'alice@new.example',
    });
    expect(await storage.accounts.findUserByEmail('alice@new.example')).toMatchObject({ id: alice.id });
    expect(await storage.accounts.findUserByEmail(alice.email)).toBeNull();
    expect(await storage.mail.verifiedAt(alice.id)).toBe(200);
    expect(await storage.changeEmail('first', 300)).toEqual({ kind: 'invalid' });
  });

  it('[M7] cancelling an account’s changes of address spends every link still open', async () => {
    const change = {
      tokenHash: 'open',
      userId: alice.id,
      email: 'alice@new.example',
      createdAt: 100,
      expiresAt: 1_000,
    };
    await storage.mail.issueEmailChange(change, { ...mail('change:open'), kind: 'email-change' });
    await storage.mail.cancelEmailChanges(alice.id, 150);
    expect(await storage.changeEmail('open', 200)).toEqual({ kind: 'invalid' });
    expect(await storage.accounts.findUser(alice.id)).toMatchObject({ email: alice.email });
  });

  it('[M7] a change to an address another account took meanwhile spends the link and keeps the address', async () => {
    const bob = { ...alice, id: 'user-bob', email: 'bob@example.com', docId: 'ledger-bob' };
    const change = { tokenHash: 'to-bob', userId: alice.id, email: bob.email, createdAt: 100, expiresAt: 1_000 };
    expect(await storage.mail.issueEmailChange(change, { ...mail('change:bob'), kind: 'email-change' })).toBe(true);
    await storage.accounts.createUser(bob);
    expect(await storage.changeEmail('to-bob', 200)).toEqual({ kind: 'taken' });
    expect(await storage.accounts.findUser(alice.id)).toMatchObject({ email: alice.email });
    expect(await storage.mail.spendEmailChange('to-bob', 200)).toBeNull();
    expect(await storage.mail.verifiedAt(alice.id)).toBeNull();
  });

  it('[L7] a ledger invitation is stored with its mail and the invitee’s pushes, in one go', async () => {
    const bob = { ...alice, id: 'user-bob', email: 'bob@example.com', docId: 'ledger-bob' };
    await storage.accounts.createUser(bob);
    const invitation = {
      id: 'invitation-1',
      codeHash: 'code-hash',
      docId: alice.docId,
      email: bob.email,
      role: 'editor' as const,
      invitedBy: alice.id,
      createdAt: 100,
      expiresAt: 1_000,
    };
    const invitationMail = {
      ...mail('ledger-invitation:invitation-1'),
      to: bob.email,
      kind: 'ledger-invitation' as const,
    };
    await storage.inviteToLedger(invitation, null, {
      dedupeKey: 'ledger-invitation:invitation-1',
      userId: bob.id,
      createdAt: 100,
      pushes: [{ endpoint: 'https://push.example/bob', payload: '{}', createdAt: 100 }],
      mail: invitationMail,
    });
    expect(await storage.accounts.pendingLedgerInvitations(alice.docId, 200)).toEqual([
      { id: 'invitation-1', email: bob.email, role: 'editor', expiresAt: 1_000 },
    ]);
    expect(await storage.mail.findMail('ledger-invitation:invitation-1')).toMatchObject({ to: bob.email });
    expect(await storage.push.notified('ledger-invitation:invitation-1')).toBe(true);
    expect(await storage.push.duePushes(200, 10)).toMatchObject([{ endpoint: 'https://push.example/bob' }]);

    await storage.inviteToLedger(
      { ...invitation, id: 'invitation-2', codeHash: 'code-2', email: 'carol@example.com' },
      {
        ...invitationMail,
        dedupeKey: 'ledger-invitation:invitation-2',
        to: 'carol@example.com',
      },
      null,
    );
    expect(await storage.mail.findMail('ledger-invitation:invitation-2')).toMatchObject({ to: 'carol@example.com' });
  });
});
