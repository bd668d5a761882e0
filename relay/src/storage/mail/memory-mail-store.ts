import type {
  MailLanguage,
  MailStore,
  MailTokenPurpose,
  NewEmailChange,
  NewMail,
  NewMailToken,
  OutboxMail,
  SpentEmailChange,
} from './mail-store.js';

interface MemoryToken extends NewMailToken {
  usedAt: number | null;
}

interface MemoryEmailChange extends NewEmailChange {
  usedAt: number | null;
}

/** The mail store of a process: for fast tests. */
export class MemoryMailStore implements MailStore {
  private readonly mails: OutboxMail[] = [];
  private readonly tokens = new Map<string, MemoryToken>();
  private readonly emailChanges = new Map<string, MemoryEmailChange>();
  private readonly languages = new Map<string, MailLanguage>();
  private readonly verified = new Map<string, number>();

  async enqueue(mail: NewMail): Promise<boolean> {
    if (this.mails.some((stored) => stored.dedupeKey === mail.dedupeKey)) return false;
    this.mails.push({
      ...mail,
      values: { ...mail.values },
      id: this.mails.length + 1,
      attempts: 0,
      state: 'pending',
      nextAttemptAt: mail.createdAt,
      finishedAt: null,
      lastError: null,
    });
    return true;
  }

  async issueToken(token: NewMailToken, mail: NewMail): Promise<boolean> {
    if (!(await this.enqueue(mail))) return false;
    this.tokens.set(token.tokenHash, { ...token, usedAt: null });
    return true;
  }

  async tokenOwner(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    const token = this.tokens.get(tokenHash);
    if (token === undefined || token.purpose !== purpose || token.usedAt !== null || token.expiresAt <= at) return null;
    return token.userId;
  }

  async spendToken(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    const userId = await this.tokenOwner(tokenHash, purpose, at);
    if (userId === null) return null;
    for (const token of this.tokens.values()) {
      if (token.userId === userId && token.purpose === purpose && token.usedAt === null) token.usedAt = at;
    }
    return userId;
  }

  async issueEmailChange(change: NewEmailChange, mail: NewMail): Promise<boolean> {
    if (!(await this.enqueue(mail))) return false;
    this.emailChanges.set(change.tokenHash, { ...change, usedAt: null });
    return true;
  }

  async spendEmailChange(tokenHash: string, at: number): Promise<SpentEmailChange | null> {
    const change = this.emailChanges.get(tokenHash);
    if (change === undefined || change.usedAt !== null || change.expiresAt <= at) return null;
    for (const other of this.emailChanges.values()) {
      if (other.userId === change.userId && other.usedAt === null) other.usedAt = at;
    }
    return { userId: change.userId, email: change.email };
  }

  async cancelEmailChanges(userId: string, at: number): Promise<void> {
    for (const change of this.emailChanges.values()) {
      if (change.userId === userId && change.usedAt === null) change.usedAt = at;
    }
  }

  async dueMails(at: number, limit: number): Promise<readonly OutboxMail[]> {
    return this.mails.filter((mail) => mail.state === 'pending' && mail.nextAttemptAt <= at).slice(0, limit);
  }

  async nextDueAt(): Promise<number | null> {
    const pending = this.mails.filter((mail) => mail.state === 'pending').map((mail) => mail.nextAttemptAt);
    return pending.length === 0 ? null : Math.min(...pending);
  }

  async markSent(id: number, at: number): Promise<void> {
    this.update(id, (mail) => ({ ...mail, state: 'sent', finishedAt: at, values: {} }));
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    this.update(id, (mail) => ({ ...mail, attempts: mail.attempts + 1, nextAttemptAt, lastError: reason }));
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    this.update(id, (mail) => ({
      ...mail,
      state: 'failed',
      attempts: mail.attempts + 1,
      finishedAt: at,
      lastError: reason,
      values: {},
    }));
  }

  async findMail(dedupeKey: string): Promise<OutboxMail | null> {
    return this.mails.find((mail) => mail.dedupeKey === dedupeKey) ?? null;
  }

  async prune(before: number): Promise<{ readonly mails: number; readonly tokens: number }> {
    const kept = this.mails.filter((mail) => mail.state === 'pending' || (mail.finishedAt ?? before) >= before);
    const mails = this.mails.length - kept.length;
    this.mails.splice(0, this.mails.length, ...kept);
    let tokens = 0;
    for (const [hash, token] of this.tokens) {
      if (token.expiresAt < before) {
        this.tokens.delete(hash);
        tokens++;
      }
    }
    for (const [hash, change] of this.emailChanges) {
      if (change.expiresAt < before) {
        this.emailChanges.delete(hash);
        tokens++;
      }
    }
    return { mails, tokens };
  }

  async setLanguage(userId: string, language: MailLanguage): Promise<void> {
    this.languages.set(userId, language);
  }

  async languageOf(userId: string): Promise<MailLanguage | null> {
    return this.languages.get(userId) ?? null;
  }

  async markVerified(userId: string, at: number): Promise<void> {
    if (!this.verified.has(userId)) this.verified.set(userId, at);
  }

  async verifiedAt(userId: string): Promise<number | null> {
    return this.verified.get(userId) ?? null;
  }

  private update(id: number, change: (mail: OutboxMail) => OutboxMail): void {
    const index = this.mails.findIndex((mail) => mail.id === id);
    const mail = this.mails[index];
    if (mail !== undefined && mail.state === 'pending') this.mails[index] = change(mail);
  }
}
