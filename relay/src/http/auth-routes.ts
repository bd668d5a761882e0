import type { AccessClaims } from '../auth/access-tokens.js';
import { normalizeEmail } from '../auth/email-address.js';
import { hashInvitationCode } from '../auth/invitation-codes.js';
import { LoginBackoff } from '../auth/login-backoff.js';
import { passwordProblem } from '../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashRefreshToken, newRefreshToken, successorRefreshToken } from '../auth/refresh-tokens.js';
import { newId } from '../ids.js';
import { mailLanguageFrom } from '../mail/account-mail.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { registrationPolicies } from '../settings/relay-settings.js';
import type { Admission } from '../storage/accounts/accounts.js';
import { closeCodes } from '../sync/peer-socket.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';
import { rateLimitHook } from './rate-limit-hook.js';

const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const deviceName = { type: 'string', minLength: 1, maxLength: 100 } as const;
// Any length here: a new password is checked by the password rule (A3), and an account signs in
// with the password it has.
const password = { type: 'string', minLength: 1, maxLength: 256 } as const;

const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'deviceName'],
  properties: { email, password, deviceName },
} as const;

const registerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'deviceName'],
  properties: { email, password, deviceName, invitationCode: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const session = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'deviceId', 'docId', 'accessToken', 'refreshToken'],
  properties: {
    userId: { type: 'string' },
    deviceId: { type: 'string' },
    docId: { type: 'string' },
    accessToken: { type: 'string' },
    refreshToken: { type: 'string' },
  },
} as const;

const checkMail = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: {
      type: 'string',
      enum: ['check_mail'],
      description: 'Open registration with mail on: a link to finish was mailed to the address (A5).',
    },
  },
} as const;

const refreshBody = {
  type: 'object',
  additionalProperties: false,
  required: ['refreshToken'],
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const refreshed = {
  type: 'object',
  additionalProperties: false,
  required: ['accessToken', 'refreshToken'],
  properties: { accessToken: { type: 'string' }, refreshToken: { type: 'string' } },
} as const;

const policy = {
  type: 'object',
  additionalProperties: false,
  required: ['registration'],
  properties: {
    registration: {
      type: 'string',
      enum: registrationPolicies,
      description: 'Who may create an account now: a relay with no account yet is open to its first.',
    },
  },
} as const;

export function registerAuthRoutes(app: RelayApp, context: RelayContext): void {
  const { tokens, config } = context;
  const { accounts } = context.storage;
  const limited = rateLimitHook(context, config.authRequestsPerMinute);
  const backoff = new LoginBackoff();
  // Unknown emails still pay for a hash, so timing does not tell which accounts exist.
  const decoyHash = hashPassword('not a real password', config.passwordCost);

  async function openSession(userId: string, docId: string, deviceName: string) {
    const deviceId = newId();
    const now = Date.now();
    await accounts.createDevice({ id: deviceId, userId, name: deviceName, createdAt: now });
    const refreshToken = newRefreshToken();
    await accounts.addRefreshToken(deviceId, hashRefreshToken(refreshToken), now);
    const accessToken = await tokens.issue({ userId, deviceId }, now);
    return { userId, deviceId, docId, accessToken, refreshToken };
  }

  /** How a registration is let in under the relay's policy (A1). */
  function admission(invitationCode: string | undefined): Admission {
    switch (config.registration) {
      case 'open':
        return { kind: 'open' };
      case 'closed':
        return { kind: 'first' };
      case 'invite':
        return invitationCode === undefined
          ? { kind: 'first' }
          : { kind: 'invitation', codeHash: hashInvitationCode(invitationCode), at: Date.now() };
      default: {
        const unhandled: never = config.registration;
        return unhandled;
      }
    }
  }

  const refusedAsNotFirst = () =>
    new RelayError(config.registration === 'closed' ? 'registration_closed' : 'invitation_required');

  app.get('/api/auth/policy', { schema: { response: { 200: policy } } }, async () => ({
    registration: (await accounts.hasUsers()) ? config.registration : ('open' as const),
  }));

  app.post(
    '/api/auth/register',
    {
      onRequest: limited,
      schema: { body: registerBody, response: { 201: session, 202: checkMail, '4xx': errorReplySchema } },
    },
    async (request, reply) => {
      const address = normalizeEmail(request.body.email);
      if (passwordProblem(request.body.password, address) !== null) throw new RelayError('weak_password');
      const admitted = admission(request.body.invitationCode);
      // Spare the hash when the answer is already known; admitUser checks again, atomically.
      if (admitted.kind === 'first' && (await accounts.hasUsers())) throw refusedAsNotFirst();
      const passwordHash = await hashPassword(request.body.password, config.passwordCost);
      const language = mailLanguageFrom(request.headers['accept-language']);
      if (admitted.kind === 'open' && context.mail.enabled && (await accounts.hasUsers())) {
        // Open registration with mail on: a new address and one with an account get the same
        // answer, after the same work; only the address's owner learns which it was (A5).
        const holder = await accounts.findUserByEmail(address);
        if (holder === null) {
          const pending = { email: address, passwordHash, language };
          await context.mail.registrationAsked(pending, await context.registrationLinks.seal(pending));
        } else await context.mail.registrationAttempted({ id: holder.id, email: holder.email }, language);
        return reply.code(202).send({ status: 'check_mail' as const });
      }
      const user = { id: newId(), email: address, docId: newId(), createdAt: Date.now() };
      const welcome = context.mail.welcome(user, language);
      const outcome = await context.storage.registerUser({ ...user, passwordHash }, admitted, welcome);
      switch (outcome) {
        case 'created':
          if (welcome.verification !== null) context.mail.queued();
          return reply.code(201).send(await openSession(user.id, user.docId, request.body.deviceName));
        case 'not_first':
          throw refusedAsNotFirst();
        case 'invitation_invalid':
          throw new RelayError('invitation_invalid');
        case 'email_taken':
          // Only with open registration and mail off does this tell that the address has an
          // account (A5); with mail on the open case answered "check your mail" above.
          throw new RelayError('email_taken');
        default: {
          const unhandled: never = outcome;
          return unhandled;
        }
      }
    },
  );

  app.post(
    '/api/auth/login',
    { onRequest: limited, schema: { body: loginBody, response: { 200: session, '4xx': errorReplySchema } } },
    async (request, reply) => {
      const address = normalizeEmail(request.body.email);
      const waitMs = backoff.waitMs(address);
      if (waitMs > 0) {
        context.metrics.authFailures++;
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        throw new RelayError('rate_limited');
      }
      const user = await accounts.findUserByEmail(address);
      const valid = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash));
      const docId = user === null ? null : await accounts.ledgerOf(user.id);
      if (user === null || !valid || docId === null) {
        backoff.failed(address);
        context.metrics.authFailures++;
        throw new RelayError('invalid_credentials');
      }
      backoff.succeeded(address);
      if (user.disabledAt !== null) throw new RelayError('account_disabled');
      return openSession(user.id, docId, request.body.deviceName);
    },
  );

  app.post(
    '/api/auth/refresh',
    { onRequest: limited, schema: { body: refreshBody, response: { 200: refreshed, '4xx': errorReplySchema } } },
    async (request) => {
      const refreshToken = successorRefreshToken(config.signingKey, request.body.refreshToken);
      const at = Date.now();
      const outcome = await accounts.rotateRefreshToken(
        hashRefreshToken(request.body.refreshToken),
        hashRefreshToken(refreshToken),
        { at, from: request.ip, graceMs: config.refreshGraceSeconds * 1000 },
      );
      const pair = async (claims: AccessClaims, issuedAt: number) => ({
        accessToken: await tokens.issue(claims, issuedAt),
        refreshToken,
      });
      switch (outcome.kind) {
        case 'rotated':
          return pair({ userId: outcome.device.userId, deviceId: outcome.device.id }, at);
        case 'replayed':
          return pair({ userId: outcome.device.userId, deviceId: outcome.device.id }, outcome.rotatedAt);
        case 'reused':
          request.log.warn({ deviceId: outcome.deviceId }, 'refresh token reused; device revoked');
          context.deviceSockets.closeDevice(outcome.deviceId, closeCodes.policyViolation, 'device revoked');
          context.eventSockets.closeDevice(outcome.deviceId);
          context.metrics.authFailures++;
          throw new RelayError('invalid_refresh_token');
        case 'disabled':
          context.metrics.authFailures++;
          throw new RelayError('account_disabled');
        case 'unknown':
          context.metrics.authFailures++;
          throw new RelayError('invalid_refresh_token');
        default: {
          const unhandled: never = outcome;
          return unhandled;
        }
      }
    },
  );
}
