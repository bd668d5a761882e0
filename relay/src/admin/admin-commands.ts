import { setTimeout as sleep } from 'node:timers/promises';
import { attachmentHashesInUpdate, versionRestoreUpdate } from '@tally/schema';
import * as Y from 'yjs';
import { normalizeEmail } from '../auth/email-address.js';
import { inviteToRelay, type RelayInvitation } from '../auth/invitations.js';
import { passwordProblem, passwordProblemText } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { newId } from '../ids.js';
import { relayDefaults } from '../settings/relay-settings.js';
import type { RestoreOutcome } from '../storage/documents/ledger-documents.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { keepVersion, versionPolicy } from '../sync/version-policy.js';

export interface CreatedUser {
  readonly userId: string;
  readonly docId: string;
}

export interface AdminSettings {
  readonly passwordCost: number;
  readonly invitationTtlHours: number;
  readonly versionKeepDays?: number;
  readonly versionThinAfterDays?: number;
}

/** How long `restore` waits for a running relay to claim its request before doing it itself (R4). */
export interface RestoreWaits {
  /** Unclaimed for this long, no relay is running: the CLI restores into the stored ledger. */
  readonly claimMs: number;
  /** Claimed by a relay, it has this long to say how it ended. */
  readonly finishMs: number;
}

/** How a restore ended, and who wrote it: the running relay (open devices received it) or the CLI. */
export type AdminRestore = RestoreOutcome & { readonly by: 'relay' | 'cli' };

/** What `node relay/dist/admin/cli.js` can do to a relay's data directory, running or not. */
export class AdminCommands {
  constructor(
    private readonly storage: RelayStorage,
    private readonly settings: AdminSettings,
  ) {}

  async createUser(email: string, password: string): Promise<CreatedUser | null> {
    const address = normalizeEmail(email);
    const problem = passwordProblem(password, address);
    if (problem !== null) throw new Error(passwordProblemText[problem]);
    const user = { id: newId(), email: address, docId: newId(), createdAt: Date.now() };
    const created = await this.storage.accounts.createUser({
      ...user,
      passwordHash: await hashPassword(password, this.settings.passwordCost),
    });
    return created ? { userId: user.id, docId: user.docId } : null;
  }

  /** A single-use code for the email to create an account with (A2); null when it has one already. */
  invite(email: string): Promise<RelayInvitation | null> {
    return inviteToRelay(this.storage.accounts, {
      email: normalizeEmail(email),
      invitedBy: null,
      ttlHours: this.settings.invitationTtlHours,
      now: Date.now(),
    });
  }

  /** False when no account has that email. */
  async makeAdmin(email: string): Promise<boolean> {
    const user = await this.storage.accounts.findUserByEmail(normalizeEmail(email));
    return user !== null && (await this.storage.accounts.setUserRole(user.id, 'admin'));
  }

  /** Makes the account an advisor (A6); false when no account has that email. */
  async grantAdvisor(email: string): Promise<boolean> {
    const user = await this.storage.accounts.findUserByEmail(normalizeEmail(email));
    return user !== null && (await this.storage.accounts.setUserRole(user.id, 'advisor'));
  }

  /**
   * Disables the account, or enables it again (A6): a running relay refuses its tokens at once
   * and closes its open sockets within a second. False when no account has that email.
   */
  async setDisabled(email: string, disabled: boolean): Promise<boolean> {
    const user = await this.storage.accounts.findUserByEmail(normalizeEmail(email));
    return user !== null && (await this.storage.accounts.setUserDisabled(user.id, disabled ? Date.now() : null));
  }

  async listUsers(): Promise<string[]> {
    const lines: string[] = [];
    for (const user of await this.storage.accounts.listUsers()) {
      const devices = (await this.storage.accounts.listDevices(user.id)).filter((device) => device.revokedAt === null);
      lines.push(
        `${user.id}  ${user.email}  ${user.role}  created ${iso(user.createdAt)}  ${devices.length} device(s)` +
          (user.disabledAt === null ? '' : `  DISABLED ${iso(user.disabledAt)}`),
      );
    }
    return lines;
  }

  async listDevices(email: string): Promise<string[] | null> {
    const user = await this.storage.accounts.findUserByEmail(normalizeEmail(email));
    if (user === null) return null;
    return (await this.storage.accounts.listDevices(user.id)).map(
      (device) =>
        `${device.id}  ${device.name}  created ${iso(device.createdAt)}  last seen ${iso(device.lastSeenAt)}  ` +
        `last synced ${iso(device.lastSyncedAt)}${device.revokedAt === null ? '' : `  REVOKED ${iso(device.revokedAt)}`}`,
    );
  }

  async revokeDevice(deviceId: string): Promise<boolean> {
    const device = await this.storage.accounts.findDevice(deviceId);
    return device !== null && (await this.storage.accounts.revokeDevice(device.userId, device.id, Date.now()));
  }

  /** A ledger's versions, newest first, one line each: id, when taken, size. */
  async versions(docId: string): Promise<string[]> {
    return (await this.storage.documents.listVersions(docId)).map(
      (version) => `${version.versionId}  ${iso(version.takenAt)}  ${version.bytes} bytes`,
    );
  }

  /**
   * Restores a version of a ledger (R4): asks a running relay to, so that open devices receive
   * it; with no relay claiming the request in time, claims it and writes the restore into the
   * stored ledger itself, which devices receive when they next sync.
   */
  async restore(
    docId: string,
    versionId: string,
    waits: RestoreWaits = { claimMs: 3_000, finishMs: 60_000 },
  ): Promise<AdminRestore> {
    const { documents } = this.storage;
    if ((await documents.loadVersion(docId, versionId)) === null) return { kind: 'unknown-version', by: 'cli' };
    const requestId = await documents.requestRestore(docId, versionId, Date.now());
    const started = Date.now();
    for (;;) {
      const state = await documents.restoreRequestState(requestId);
      if (state?.kind === 'finished') return { ...state.outcome, by: 'relay' };
      const waited = Date.now() - started;
      if (state?.kind === 'pending' && waited >= waits.claimMs) {
        const [claimed] = await documents.claimRestoreRequests(Date.now(), requestId);
        if (claimed !== undefined) {
          const outcome = await this.restoreStored(docId, versionId);
          await documents.finishRestoreRequest(requestId, outcome, Date.now());
          return { ...outcome, by: 'cli' };
        }
      }
      if (waited >= waits.claimMs + waits.finishMs) return { kind: 'failed', by: 'relay' };
      await sleep(100);
    }
  }

  /** The restore written straight into the stored ledger, as a room would write it (R3). */
  private async restoreStored(docId: string, versionId: string): Promise<RestoreOutcome> {
    const { documents } = this.storage;
    const version = await documents.loadVersion(docId, versionId);
    if (version === null) return { kind: 'unknown-version' };
    const doc = rebuildDoc(await documents.load(docId));
    try {
      const { update, records } = versionRestoreUpdate(doc, version);
      if (update !== null) {
        await keepVersion(
          documents,
          docId,
          Y.encodeStateAsUpdate(doc),
          Date.now(),
          versionPolicy({
            versionEveryMinutes: relayDefaults.versionEveryMinutes,
            versionKeepDays: this.settings.versionKeepDays ?? relayDefaults.versionKeepDays,
            versionThinAfterDays: this.settings.versionThinAfterDays ?? relayDefaults.versionThinAfterDays,
          }),
        );
        const seq = await documents.appendUpdate(docId, update);
        // The files the restored version names are readable again at once, as after any stored update (BLOB5).
        await this.storage.blobs.addReferences(docId, [...attachmentHashesInUpdate(update)], seq);
      }
      return { kind: 'restored', records };
    } finally {
      doc.destroy();
    }
  }

  /** An online copy of the SQLite database; a PostgreSQL database is backed up with its own tools. */
  backup(file: string): Promise<void> {
    if (!(this.storage instanceof SqliteStorage)) {
      return Promise.reject(
        new Error('backup copies the SQLite database; with DATABASE_URL set, back up PostgreSQL with pg_dump'),
      );
    }
    return this.storage.backup(file);
  }

  /** Folds each document's log into its snapshot; returns how many documents were compacted. */
  async compact(docId?: string): Promise<number> {
    const { documents } = this.storage;
    const docIds = docId === undefined ? await documents.listUncompacted() : [docId];
    for (const id of docIds) {
      const stored = await documents.load(id);
      const doc = rebuildDoc(stored);
      await documents.compact(id, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), stored.lastSeq);
      doc.destroy();
    }
    return docIds.length;
  }
}

function iso(time: number | null): string {
  return time === null ? 'never' : new Date(time).toISOString();
}
