import type { CloseCode, PeerSocket } from './peer-socket.js';

/** Open sync sockets by device, so revoking a device closes its sockets at once. */
export class DeviceSockets {
  private readonly byDevice = new Map<string, Set<PeerSocket>>();
  private readonly deviceOfSocket = new WeakMap<PeerSocket, string>();

  add(deviceId: string, socket: PeerSocket): void {
    let sockets = this.byDevice.get(deviceId);
    if (sockets === undefined) {
      sockets = new Set();
      this.byDevice.set(deviceId, sockets);
    }
    sockets.add(socket);
    this.deviceOfSocket.set(socket, deviceId);
  }

  remove(socket: PeerSocket): void {
    const deviceId = this.deviceOfSocket.get(socket);
    if (deviceId === undefined) return;
    const sockets = this.byDevice.get(deviceId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byDevice.delete(deviceId);
  }

  deviceOf(socket: PeerSocket): string | undefined {
    return this.deviceOfSocket.get(socket);
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
