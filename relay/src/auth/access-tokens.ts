import { errors, jwtVerify, SignJWT } from 'jose';

/** The only algorithm accepted: a token signed any other way, or not at all, is refused (S1). */
const algorithm = 'HS256';
const issuer = 'tally-relay';
const audience = 'tally-sync';

export interface AccessClaims {
  readonly userId: string;
  readonly deviceId: string;
}

export interface AccessTokenOptions {
  readonly signingKey: Uint8Array;
  readonly ttlSeconds: number;
}

export class AccessTokens {
  constructor(private readonly options: AccessTokenOptions) {}

  issue(claims: AccessClaims): Promise<string> {
    return new SignJWT({ did: claims.deviceId })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${this.options.ttlSeconds}s`)
      .sign(this.options.signingKey);
  }

  /** The claims of a valid token, or null for anything else. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.options.signingKey, {
        algorithms: [algorithm],
        issuer,
        audience,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const deviceId = payload.did;
      if (typeof payload.sub !== 'string' || typeof deviceId !== 'string') return null;
      return { userId: payload.sub, deviceId };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
