import { type CloseCode, closeCodes, type PeerSocket } from './peer-socket.js';

/**
 * Open sync sockets by device, so revoking a device closes its sockets at once (S3), and each
 * socket closes when the access token it opened with expires (S8): the device reconnects with
 * the token it has renewed meanwhile, and the relay checks its access afresh.
 */
export class DeviceSockets {
  private readonly byDevice = new Map<string, Set<PeerSocket>>();
  private readonly deviceOfSocket = new WeakMap<PeerSocket, string>();
  private readonly expiries = new Map<PeerSocket, NodeJS.Timeout>();

  constructor(private readonly onExpired: () => void = () => {}) {}

  add(deviceId: string, socket: PeerSocket, expiresAt: number): void {
    let sockets = this.byDevice.get(deviceId);
    if (sockets === undefined) {
      sockets = new Set();
      this.byDevice.set(deviceId, sockets);
    }
    sockets.add(socket);
    this.deviceOfSocket.set(socket, deviceId);
    const expiry = setTimeout(() => {
      this.onExpired();
      socket.close(closeCodes.tokenExpired, 'access token expired');
    }, expiresAt - Date.now());
    expiry.unref();
    this.expiries.set(socket, expiry);
  }

  remove(socket: PeerSocket): void {
    clearTimeout(this.expiries.get(socket));
    this.expiries.delete(socket);
    const deviceId = this.deviceOfSocket.get(socket);
    if (deviceId === undefined) return;
    const sockets = this.byDevice.get(deviceId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byDevice.delete(deviceId);
  }

  deviceOf(socket: PeerSocket): string | undefined {
    return this.deviceOfSocket.get(socket);
  }

  /** How many sockets the device holds open. */
  countOf(deviceId: string): number {
    return this.byDevice.get(deviceId)?.size ?? 0;
  }

  hasDevice(deviceId: string): boolean {
    return this.byDevice.has(deviceId);
  }

  get count(): number {
    let count = 0;
    for (const sockets of this.byDevice.values()) count += sockets.size;
    return count;
  }

  closeDevice(deviceId: string, code: CloseCode, reason: string): void {
    for (const socket of [...(this.byDevice.get(deviceId) ?? [])]) socket.close(code, reason);
  }

  closeAll(code: CloseCode, reason: string): void {
    for (const sockets of [...this.byDevice.values()]) {
      for (const socket of [...sockets]) socket.close(code, reason);
    }
  }
}
