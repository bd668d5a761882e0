import * as Y from 'yjs';
import { hashPassword } from '../auth/passwords.js';
import { newId } from '../ids.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import type { SqliteStorage } from '../storage/sqlite-storage.js';

export interface CreatedUser {
  readonly userId: string;
  readonly docId: string;
}

/** What `node relay/dist/admin/cli.js` can do to a relay's data directory, running or not. */
export class AdminCommands {
  constructor(
    private readonly storage: SqliteStorage,
    private readonly passwordCost: number,
  ) {}

  async createUser(email: string, password: string): Promise<CreatedUser | null> {
    if (password.length < 8) throw new Error('the password needs at least 8 characters');
    const user = { id: newId(), email: email.trim().toLowerCase(), docId: newId(), createdAt: Date.now() };
    const created = await this.storage.accounts.createUser({
      ...user,
      passwordHash: await hashPassword(password, this.passwordCost),
    });
    return created ? { userId: user.id, docId: user.docId } : null;
  }

  async listUsers(): Promise<string[]> {
    const lines: string[] = [];
    for (const user of await this.storage.accounts.listUsers()) {
      const devices = (await this.storage.accounts.listDevices(user.id)).filter((device) => device.revokedAt === null);
      lines.push(`${user.id}  ${user.email}  created ${iso(user.createdAt)}  ${devices.length} device(s)`);
    }
    return lines;
  }

  async listDevices(email: string): Promise<string[] | null> {
    const user = await this.storage.accounts.findUserByEmail(email.trim().toLowerCase());
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

  backup(file: string): Promise<void> {
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
