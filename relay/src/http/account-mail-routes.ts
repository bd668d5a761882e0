import { normalizeEmail } from '../auth/email-address.js';
import { passwordProblem } from '../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { newId } from '../ids.js';
import { hashMailToken, mailLanguageFrom } from '../mail/account-mail.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { closeCodes } from '../sync/peer-socket.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { rateLimitHook } from './rate-limit-hook.js';

const token = { type: 'string', minLength: 1, maxLength: 100 } as const;

const verifyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: {
    // A link's token, or the longer one that finishes an open registration (A5), which also
    // asks for the password chosen when registering.
    token: { type: 'string', minLength: 1, maxLength: 2048 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;

const resetBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
} as const;

const confirmBody = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'password'],
  properties: { token, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;

const noContent = { type: 'null' } as const;

/** Verifying an address and resetting a password through links sent by mail (M4, M5). */
export function registerAccountMailRoutes(app: RelayApp, context: RelayContext): void {
  const { accounts, mail: store } = context.storage;
  const limited = rateLimitHook(context, context.config.authRequestsPerMinute);

  /**
   * Creates the account an open registration's link holds (A5), already verified, and answers its
   * id; opening the link again once it exists changes nothing. The password chosen when
   * registering must come with the link, so a link that reaches a mailbox because someone else
   * registered its address makes no account the mailbox's owner would then use with a stranger's
   * password. Null for a link that is not this relay's, has expired, or names an address that
   * another registration took meanwhile; never the relay's first account (A1).
   */
  async function finishRegistration(sealed: string, password: string | undefined, at: number): Promise<string | null> {
    const pending = context.config.registration === 'open' ? await context.registrationLinks.open(sealed, at) : null;
    if (pending === null || !(await accounts.hasUsers())) return null;
    if (password === undefined || !(await verifyPassword(password, pending.passwordHash))) {
      throw new RelayError('invalid_credentials');
    }
    const user = { id: newId(), email: pending.email, docId: newId(), createdAt: at };
    const outcome = await context.storage.registerUser(
      { ...user, passwordHash: pending.passwordHash },
      { kind: 'open' },
      { language: pending.language, verification: null },
    );
    if (outcome === 'created') return user.id;
    const holder = await accounts.findUserByEmail(pending.email);
    return holder !== null && holder.passwordHash === pending.passwordHash ? holder.id : null;
  }

  app.post(
    '/api/auth/verify',
    { onRequest: limited, schema: { body: verifyBody, response: { 204: noContent, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const at = Date.now();
      const userId =
        request.body.token.length > token.maxLength
          ? await finishRegistration(request.body.token, request.body.password, at)
          : await store.spendToken(hashMailToken(request.body.token), 'verify-email', at);
      if (userId === null) throw new RelayError('link_invalid');
      await store.markVerified(userId, at);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/verify/resend',
    { onRequest: limited, schema: { response: { 202: noContent, '4xx': errorReplySchema, '5xx': errorReplySchema } } },
    async (request, reply) => {
      const claims = await authenticate(context, bearerToken(request));
      if (!context.mail.enabled) throw new RelayError('mail_off');
      const user = await accounts.findUser(claims.userId);
      if (user !== null) await context.mail.verificationAsked({ id: user.id, email: user.email });
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      onRequest: limited,
      schema: { body: resetBody, response: { 202: noContent, '4xx': errorReplySchema, '5xx': errorReplySchema } },
    },
    async (request, reply) => {
      if (!context.mail.enabled) throw new RelayError('mail_off');
      const user = await accounts.findUserByEmail(normalizeEmail(request.body.email));
      await context.mail.passwordResetAsked(
        user === null ? null : { id: user.id, email: user.email },
        mailLanguageFrom(request.headers['accept-language']),
      );
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { onRequest: limited, schema: { body: confirmBody, response: { 204: noContent, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const tokenHash = hashMailToken(request.body.token);
      const owner = await store.tokenOwner(tokenHash, 'reset-password', Date.now());
      const user = owner === null ? null : await accounts.findUser(owner);
      if (user === null) throw new RelayError('link_invalid');
      // The rule is checked before the link is spent, so a refused password leaves it usable.
      if (passwordProblem(request.body.password, user.email) !== null) throw new RelayError('weak_password');
      const passwordHash = await hashPassword(request.body.password, context.config.passwordCost);
      const at = Date.now();
      if ((await store.spendToken(tokenHash, 'reset-password', at)) !== user.id) throw new RelayError('link_invalid');
      await accounts.setPasswordHash(user.id, passwordHash);
      // The link reached the address's mailbox, so it is verified too.
      await store.markVerified(user.id, at);
      for (const device of await accounts.listDevices(user.id)) {
        if (device.revokedAt !== null) continue;
        await accounts.revokeDevice(user.id, device.id, at);
        context.deviceSockets.closeDevice(device.id, closeCodes.policyViolation, 'device revoked');
        context.eventSockets.closeDevice(device.id);
      }
      request.log.info({ userId: user.id }, 'password reset; every device of the account signed out');
      return reply.code(204).send(null);
    },
  );
}
