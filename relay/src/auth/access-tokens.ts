import { errors, jwtVerify, SignJWT } from 'jose';

/** The only algorithm accepted: a token signed any other way, or not at all, is refused (S1). */
const algorithm = 'HS256';
const issuer = 'tally-relay';
const audience = 'tally-sync';

export interface AccessClaims {
  readonly userId: string;
  readonly deviceId: string;
}

export interface VerifiedAccess extends AccessClaims {
  /** When the token stops opening anything, in epoch milliseconds (S8). */
  readonly expiresAt: number;
}

export interface AccessTokenOptions {
  readonly signingKey: Uint8Array;
  readonly ttlSeconds: number;
}

export class AccessTokens {
  constructor(private readonly options: AccessTokenOptions) {}

  /**
   * A token issued at `issuedAt` (epoch milliseconds, now by default). The same claims issued at
   * the same second give the same token, which a replayed refresh relies on (S3).
   */
  issue(claims: AccessClaims, issuedAt = Date.now()): Promise<string> {
    const seconds = Math.floor(issuedAt / 1000);
    return new SignJWT({ did: claims.deviceId })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + this.options.ttlSeconds)
      .sign(this.options.signingKey);
  }

  /** The claims of a valid token, or null for anything else. */
  async verify(token: string): Promise<VerifiedAccess | null> {
    try {
      const { payload } = await jwtVerify(token, this.options.signingKey, {
        algorithms: [algorithm],
        issuer,
        audience,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const deviceId = payload.did;
      if (typeof payload.sub !== 'string' || typeof deviceId !== 'string' || payload.exp === undefined) return null;
      return { userId: payload.sub, deviceId, expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
