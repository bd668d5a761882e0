import type { DocRole } from '../storage/accounts/accounts.js';
import { closeCodes, type PeerSocket } from './peer-socket.js';

interface Membership {
  readonly docId: string;
  readonly role: DocRole;
}

/**
 * Open sync sockets by account, each with the ledger it opened and the role it was granted, so a
 * change of role, a removal (L3) or a disabled account (A6) reaches the sockets it concerns.
 */
export class MemberSockets {
  private readonly byUser = new Map<string, Map<PeerSocket, Membership>>();
  private readonly userOfSocket = new WeakMap<PeerSocket, string>();

  add(userId: string, docId: string, role: DocRole, socket: PeerSocket): void {
    let sockets = this.byUser.get(userId);
    if (sockets === undefined) {
      sockets = new Map();
      this.byUser.set(userId, sockets);
    }
    sockets.set(socket, { docId, role });
    this.userOfSocket.set(socket, userId);
  }

  remove(socket: PeerSocket): void {
    const userId = this.userOfSocket.get(socket);
    if (userId === undefined) return;
    const sockets = this.byUser.get(userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(userId);
  }

  hasUser(userId: string): boolean {
    return this.byUser.has(userId);
  }

  /**
   * Closes the account's sockets on the ledger that hold a role other than its role now (L3): with
   * `roleChanged` they reopen with the new role; with `membershipEnded` (`role` null: no longer a
   * member) they stay closed.
   */
  reconcile(userId: string, docId: string, role: DocRole | null): void {
    for (const [socket, membership] of [...(this.byUser.get(userId) ?? [])]) {
      if (membership.docId !== docId || membership.role === role) continue;
      if (role === null) socket.close(closeCodes.membershipEnded, 'no longer a member of this ledger');
      else socket.close(closeCodes.roleChanged, 'role changed');
    }
  }

  /** Closes every socket of a disabled account, for good (A6). */
  closeDisabled(userId: string): void {
    for (const socket of [...(this.byUser.get(userId)?.keys() ?? [])]) {
      socket.close(closeCodes.accountDisabled, 'account disabled');
    }
  }
}
