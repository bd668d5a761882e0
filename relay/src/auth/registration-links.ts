import { hkdfSync } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import { type MailLanguage, mailLanguages } from '../storage/mail/mail-store.js';

/** How long the link that finishes an open registration works (A5). */
export const registrationLinkHours = 24;

const audience = 'tally-registration';

/** A registration waiting for its address to be confirmed: nothing of it is stored by the relay. */
export interface PendingRegistration {
  readonly email: string;
  readonly passwordHash: string;
  readonly language: MailLanguage;
}

/**
 * The token in the link that finishes an open registration (A5): the registration itself,
 * encrypted and authenticated (JWE, `dir` + A256GCM) with a key derived from the relay's signing
 * key, so the relay keeps no row for an address until its owner opens the link, and the link
 * shows nobody the password's hash.
 */
export class RegistrationLinks {
  private readonly key: Uint8Array;

  constructor(signingKey: Uint8Array) {
    this.key = new Uint8Array(hkdfSync('sha256', signingKey, new Uint8Array(0), 'tally registration link', 32));
  }

  seal(pending: PendingRegistration, now = Date.now()): Promise<string> {
    const seconds = Math.floor(now / 1000);
    return new EncryptJWT({ email: pending.email, ph: pending.passwordHash, lang: pending.language })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setAudience(audience)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + registrationLinkHours * 60 * 60)
      .encrypt(this.key);
  }

  /** The registration a token holds, or null for a token this relay did not make or that expired. */
  async open(token: string, now = Date.now()): Promise<PendingRegistration | null> {
    try {
      const { payload } = await jwtDecrypt(token, this.key, {
        audience,
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['exp'],
        currentDate: new Date(now),
      });
      const language = mailLanguages.find((known) => known === payload.lang);
      if (typeof payload.email !== 'string' || typeof payload.ph !== 'string' || language === undefined) return null;
      return { email: payload.email, passwordHash: payload.ph, language };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
