import { type AdvisorSpecialty, advisorSpecialties } from '@tally/schema';
import { advisorSlots } from '../advisors/advisor-slots.js';
import { maxSlotRangeDays } from '../advisors/free-slots.js';
import { isTimeZone } from '../advisors/zoned-time.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import type { AdvisorProfile, Availability } from '../storage/advisors/advisors.js';
import { authenticate, bearerToken } from './authenticate.js';
import { instantSchema } from './booking-routes.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const idSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
const timeSchema = { type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' } as const;
const dateSchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' } as const;
const hoursSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: { start: timeSchema, end: timeSchema },
} as const;

const priceSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['amountMinor', 'currency'],
  properties: {
    amountMinor: { type: 'integer', minimum: 1, maximum: 100_000_000 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

const profileFields = {
  displayName: { type: 'string', minLength: 1, maxLength: 80 },
  headline: { type: 'string', maxLength: 120 },
  bio: { type: 'string', maxLength: 4000 },
  specialties: {
    type: 'array',
    minItems: 1,
    maxItems: advisorSpecialties.length,
    uniqueItems: true,
    items: { type: 'string', enum: advisorSpecialties },
  },
  languages: {
    type: 'array',
    minItems: 1,
    maxItems: 10,
    uniqueItems: true,
    items: { type: 'string', minLength: 2, maxLength: 35 },
  },
  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
  sessionMinutes: { type: 'integer', minimum: 15, maximum: 240, multipleOf: 5 },
  price: priceSchema,
  acceptingClients: { type: 'boolean' },
} as const;

const profileFieldNames = [
  'displayName',
  'headline',
  'bio',
  'specialties',
  'languages',
  'timeZone',
  'sessionMinutes',
  'price',
  'acceptingClients',
] as const satisfies readonly (keyof typeof profileFields)[];

const profileBody = {
  type: 'object',
  additionalProperties: false,
  required: profileFieldNames,
  properties: profileFields,
} as const;

const profileReply = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', ...profileFieldNames, 'updatedAt'],
  properties: { userId: { type: 'string' }, ...profileFields, updatedAt: { type: 'string' } },
} as const;

const availabilityBody = {
  type: 'object',
  additionalProperties: false,
  required: ['weekly', 'exceptions'],
  properties: {
    weekly: {
      type: 'array',
      maxItems: 70,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['weekday', 'start', 'end'],
        properties: { weekday: { type: 'integer', minimum: 1, maximum: 7 }, start: timeSchema, end: timeSchema },
      },
    },
    exceptions: {
      type: 'array',
      maxItems: 366,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date', 'hours'],
        properties: { date: dateSchema, hours: { type: 'array', maxItems: 10, items: hoursSchema } },
      },
    },
  },
} as const;

const directoryQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    specialty: { type: 'string', enum: advisorSpecialties },
    language: { type: 'string', minLength: 2, maxLength: 35 },
    price: { type: 'string', pattern: '^(free|[A-Z]{3}:\\d{1,9})$' },
  },
} as const;

const slotsQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: instantSchema, to: instantSchema },
} as const;

const slotList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['start', 'end'],
    properties: { start: { type: 'string' }, end: { type: 'string' } },
  },
} as const;

const advisorParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: idSchema },
} as const;

function profileJson(profile: AdvisorProfile) {
  return {
    ...profile,
    specialties: [...profile.specialties],
    languages: [...profile.languages],
    updatedAt: new Date(profile.updatedAt).toISOString(),
  };
}

/** Each tag in its canonical case (`es-co` → `es-CO`); `invalid_request` for one that is no BCP 47 tag. */
function canonicalLanguages(tags: readonly string[]): string[] {
  try {
    return Intl.getCanonicalLocales([...tags]);
  } catch {
    throw new RelayError('invalid_request');
  }
}

/** Hours that end after they start, so every span holds time (D2). */
function refuseEmptyHours(availability: Availability): void {
  const spans = [...availability.weekly, ...availability.exceptions.flatMap((exception) => exception.hours)];
  if (spans.some((hours) => hours.end <= hours.start)) throw new RelayError('invalid_request');
  const dates = availability.exceptions.map((exception) => exception.date);
  if (new Set(dates).size !== dates.length || dates.some((date) => !isCalendarDate(date))) {
    throw new RelayError('invalid_request');
  }
}

/** Whether the date is on the calendar: `2026-02-30` parses (as 2 March) but is not. */
function isCalendarDate(date: string): boolean {
  const at = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === date;
}

/** Whether the profile is in the directory's answer to these filters (D1). */
function matches(
  profile: AdvisorProfile,
  filters: { readonly specialty?: AdvisorSpecialty; readonly language?: string; readonly price?: string },
): boolean {
  if (filters.specialty !== undefined && !profile.specialties.includes(filters.specialty)) return false;
  if (filters.language !== undefined) {
    const wanted = filters.language.toLowerCase();
    const speaks = profile.languages.some((tag) => {
      const lower = tag.toLowerCase();
      return lower === wanted || lower.startsWith(`${wanted}-`) || wanted.startsWith(`${lower}-`);
    });
    if (!speaks) return false;
  }
  if (filters.price !== undefined && profile.price !== null) {
    if (filters.price === 'free') return false;
    const [currency, max] = filters.price.split(':');
    if (profile.price.currency !== currency || profile.price.amountMinor > Number(max)) return false;
  }
  return true;
}

/** Advisors' profiles and hours (D1, D2): published by advisors, read by any account. */
export function registerAdvisorRoutes(app: RelayApp, context: RelayContext): void {
  const { storage } = context;
  const now = context.config.clock ?? Date.now;

  /** The caller, if their account has the advisor role (D1). */
  async function requireAdvisor(token: string | undefined): Promise<string> {
    const claims = await authenticate(context, token);
    if ((await storage.accounts.findUser(claims.userId))?.role !== 'advisor') throw new RelayError('advisor_required');
    return claims.userId;
  }

  /** A profile in the directory: its account still an advisor's. */
  async function publishedProfile(userId: string): Promise<AdvisorProfile> {
    const profile = await storage.advisors.findProfile(userId);
    const user = await storage.accounts.findUser(userId);
    if (profile === null || user?.role !== 'advisor' || user.disabledAt !== null) throw new RelayError('not_found');
    return profile;
  }

  app.put(
    '/api/advisor/profile',
    { schema: { body: profileBody, response: { 200: profileReply, '4xx': errorReplySchema } } },
    async (request) => {
      const userId = await requireAdvisor(bearerToken(request));
      if (!isTimeZone(request.body.timeZone)) throw new RelayError('invalid_request');
      const profile: AdvisorProfile = {
        userId,
        ...request.body,
        languages: canonicalLanguages(request.body.languages),
        updatedAt: now(),
      };
      await storage.advisors.saveProfile(profile);
      return profileJson(profile);
    },
  );

  app.put(
    '/api/advisor/availability',
    { schema: { body: availabilityBody, response: { 200: availabilityBody, '4xx': errorReplySchema } } },
    async (request) => {
      const userId = await requireAdvisor(bearerToken(request));
      refuseEmptyHours(request.body);
      await storage.advisors.saveAvailability(userId, request.body, now());
      return request.body;
    },
  );

  // The advisor's own profile and hours, for their editor; anyone else is refused with
  // `advisor_required`, which is how a device learns whether its account is an advisor's.
  app.get(
    '/api/advisor/profile',
    { schema: { response: { 200: profileReply, '4xx': errorReplySchema } } },
    async (request) => {
      const profile = await storage.advisors.findProfile(await requireAdvisor(bearerToken(request)));
      if (profile === null) throw new RelayError('not_found');
      return profileJson(profile);
    },
  );

  app.get(
    '/api/advisor/availability',
    { schema: { response: { 200: availabilityBody, '4xx': errorReplySchema } } },
    async (request) => {
      const { weekly, exceptions } = await storage.advisors.availabilityOf(await requireAdvisor(bearerToken(request)));
      return {
        weekly: weekly.map((hours) => ({ ...hours })),
        exceptions: exceptions.map((exception) => ({
          date: exception.date,
          hours: exception.hours.map((span) => ({ ...span })),
        })),
      };
    },
  );

  app.get(
    '/api/advisors',
    {
      schema: {
        querystring: directoryQuery,
        response: { 200: { type: 'array', items: profileReply }, '4xx': errorReplySchema },
      },
    },
    async (request) => {
      await authenticate(context, bearerToken(request));
      const listed: AdvisorProfile[] = [];
      for (const profile of await storage.advisors.listProfiles()) {
        if (!matches(profile, request.query)) continue;
        const user = await storage.accounts.findUser(profile.userId);
        if (user?.role === 'advisor' && user.disabledAt === null) listed.push(profile);
      }
      return listed.map(profileJson);
    },
  );

  app.get(
    '/api/advisors/:id',
    { schema: { params: advisorParams, response: { 200: profileReply, '4xx': errorReplySchema } } },
    async (request) => {
      await authenticate(context, bearerToken(request));
      return profileJson(await publishedProfile(request.params.id));
    },
  );

  app.get(
    '/api/advisors/:id/slots',
    {
      schema: { params: advisorParams, querystring: slotsQuery, response: { 200: slotList, '4xx': errorReplySchema } },
    },
    async (request) => {
      await authenticate(context, bearerToken(request));
      const from = Date.parse(request.query.from);
      const to = Date.parse(request.query.to);
      if (Number.isNaN(from) || Number.isNaN(to)) throw new RelayError('invalid_request');
      if (to <= from || to - from > maxSlotRangeDays * 86_400_000) throw new RelayError('range_too_long');
      const profile = await publishedProfile(request.params.id);
      const slots = await advisorSlots(storage, profile, { from, to, now: now() }, true);
      return slots.map((slot) => ({
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
      }));
    },
  );
}
