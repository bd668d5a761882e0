import { createDecipheriv, createECDH, createHmac, randomBytes } from 'node:crypto';

/** A browser's side of a push subscription: its P-256 key pair and auth secret (RFC 8291). */
export class BrowserSubscription {
  readonly ecdh = createECDH('prime256v1');
  readonly auth = randomBytes(16);

  constructor(readonly endpoint: string) {
    this.ecdh.generateKeys();
  }

  get json() {
    return {
      endpoint: this.endpoint,
      keys: { p256dh: this.ecdh.getPublicKey().toString('base64url'), auth: this.auth.toString('base64url') },
    };
  }

  /** Decrypts an `aes128gcm` push message body with this subscription's keys (RFC 8291 §3.4, RFC 8188 §2). */
  decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const recordSize = body.readUInt32BE(16);
    const keyIdLength = body.readUInt8(20);
    const serverPublicKey = body.subarray(21, 21 + keyIdLength);
    const ciphertext = body.subarray(21 + keyIdLength);
    if (ciphertext.length > recordSize) throw new Error('the record is longer than its record size');
    const hmac = (key: Buffer, ...data: Buffer[]) => {
      const mac = createHmac('sha256', key);
      for (const part of data) mac.update(part);
      return mac.digest();
    };
    const ecdhSecret = this.ecdh.computeSecret(serverPublicKey);
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), this.ecdh.getPublicKey(), serverPublicKey]);
    const ikm = hmac(hmac(this.auth, ecdhSecret), keyInfo, Buffer.from([1]));
    const prk = hmac(salt, ikm);
    const contentKey = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0'), Buffer.from([1])).subarray(0, 16);
    const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0'), Buffer.from([1])).subarray(0, 12);
    const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 0x02, then zero padding.
    const end = padded.lastIndexOf(2);
    if (!padded.subarray(end + 1).every((byte) => byte === 0)) throw new Error('the padding is not zeros');
    return padded.subarray(0, end).toString('utf8');
  }
}
