import { isIP } from 'node:net';

/** A value read from the environment, or what is wrong with it: each problem completes "<NAME> …". */
export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** How one kind of setting is read from, and written to, an environment variable. */
export interface SettingType<T> {
  read(raw: string): Reading<T>;
  /** The value as it is written in the environment; empty for "unset". */
  write(value: T): string;
}

function ok<T>(value: T): Reading<T> {
  return { ok: true, value };
}

function problem<T>(text: string): Reading<T> {
  return { ok: false, problems: [text] };
}

export function wholeNumber(min: number, max: number): SettingType<number> {
  return {
    read(raw) {
      const value = Number(raw);
      return /^\d+$/.test(raw) && value >= min && value <= max
        ? ok(value)
        : problem(`must be a whole number from ${min} to ${max}, not "${raw}"`);
    },
    write: String,
  };
}

export function powerOfTwo(min: number, max: number): SettingType<number> {
  const number = wholeNumber(min, max);
  return {
    read(raw) {
      const reading = number.read(raw);
      if (!reading.ok || Number.isInteger(Math.log2(reading.value))) return reading;
      return problem(`must be a power of two, not "${raw}"`);
    },
    write: String,
  };
}

export function oneOf<const V extends string>(values: readonly V[]): SettingType<V> {
  return {
    read(raw) {
      const value = values.find((candidate) => candidate === raw);
      return value === undefined ? problem(`must be one of ${values.join(', ')}, not "${raw}"`) : ok(value);
    },
    write: String,
  };
}

/** Free text such as a host name or a path, as written (a relative path is resolved where it is used). */
export const text: SettingType<string> = {
  read(raw) {
    return raw.trim() === '' ? problem('must not be empty') : ok(raw);
  },
  write: String,
};

/** Comma-separated web origins (`https://tally.example.com`); every bad entry is named. */
export const originList: SettingType<readonly string[]> = {
  read(raw) {
    const origins: string[] = [];
    const problems: string[] = [];
    for (const entry of raw.trim() === '' ? [] : raw.split(',')) {
      const origin = entry.trim();
      if (URL.canParse(origin) && new URL(origin).origin === origin) origins.push(origin);
      else problems.push(`entries must be origins like https://tally.example.com, not "${origin}"`);
    }
    return problems.length === 0 ? ok(origins) : { ok: false, problems };
  },
  write: (origins) => origins.join(','),
};

/** A mail server as `smtp://user:password@host:port`, or `smtps://…` for TLS from the first byte. */
export const smtpUrl: SettingType<string> = {
  read(raw) {
    if (!URL.canParse(raw)) return problem('must be a URL like smtp://user:password@mail.example.com:587');
    const url = new URL(raw);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      return problem(`must start with smtp:// or smtps://, not "${url.protocol}//"`);
    }
    return url.hostname === '' ? problem('must name the mail server’s host') : ok(raw);
  },
  write: String,
};

/** A PostgreSQL connection URL, such as `postgres://tally:secret@db.example.com:5432/tally`. */
export const redisUrl: SettingType<string> = {
  read(raw) {
    if (!URL.canParse(raw)) return problem('must be a URL like redis://redis.example.com:6379');
    const url = new URL(raw);
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
      return problem(`must start with redis:// or rediss://, not "${url.protocol}//"`);
    }
    return url.hostname === '' ? problem('must name the Redis server’s host') : ok(raw);
  },
  write: String,
};

export const postgresUrl: SettingType<string> = {
  read(raw) {
    if (!URL.canParse(raw)) return problem('must be a URL like postgres://user:password@db.example.com:5432/tally');
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      return problem(`must start with postgres:// or postgresql://, not "${url.protocol}//"`);
    }
    if (url.hostname === '') return problem('must name the database server’s host');
    return url.pathname.length <= 1 ? problem('must name the database, as in …:5432/tally') : ok(raw);
  },
  write: String,
};

/** Where people reach the app, such as `https://tally.example.com`: links in mail point there. */
export const publicUrl: SettingType<string> = {
  read(raw) {
    if (!URL.canParse(raw)) return problem(`must be an address like https://tally.example.com, not "${raw}"`);
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem('must start with https:// or http://');
    if (url.search !== '' || url.hash !== '') return problem('must not have a query or a fragment');
    return ok(url.href.replace(/\/+$/, ''));
  },
  write: String,
};

/** A setting that may be left unset (null), such as one whose default is worked out where it is used. */
export function optional<T>(type: SettingType<T>): SettingType<T | null> {
  return {
    read: (raw) => type.read(raw),
    write: (value) => (value === null ? '' : type.write(value)),
  };
}

/** A secret sent as a bearer token: at least `minLength` of the characters a bearer token may hold. */
export function secret(minLength: number): SettingType<string> {
  return {
    read(raw) {
      return raw.length >= minLength && /^[A-Za-z0-9._~+/=-]+$/.test(raw)
        ? ok(raw)
        : problem(`must be at least ${minLength} letters, digits or ._~+/=- characters`);
    },
    write: String,
  };
}

/**
 * Which proxies' `X-Forwarded-For` to believe (S5): none (0), a number of hops in front of the
 * relay, or the proxies' addresses. Never every hop: the leftmost entries are whatever the
 * client wrote.
 */
export type ProxyTrust = number | readonly string[];

const proxyKeywords = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (proxyKeywords.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export const proxyTrust: SettingType<ProxyTrust> = {
  read(raw) {
    const value = raw.trim();
    if (value === 'false') return ok(0);
    if (value === 'true') {
      return problem(
        'must be the number of proxies in front of the relay (1 behind one) or their addresses, not "true": trusting every hop lets a client choose its own address',
      );
    }
    if (/^\d+$/.test(value)) {
      return Number(value) <= 10 ? ok(Number(value)) : problem(`must be a hop count from 0 to 10, not "${raw}"`);
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    return bad.length === 0
      ? ok(entries)
      : {
          ok: false,
          problems: bad.map(
            (entry) => `entries must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, not "${entry}"`,
          ),
        };
  },
  write: (value) => (typeof value === 'number' ? String(value) : value.join(',')),
};

/**
 * A provider's key, which always starts with one of `prefixes` (`sk_test_…`, `whsec_…`,
 * `rzp_live_…`): a key pasted into the wrong variable is caught at start, not at the first payment.
 */
export function providerKey(prefixes: readonly string[], minLength: number): SettingType<string> {
  return {
    read(raw) {
      if (!prefixes.some((prefix) => raw.startsWith(prefix))) {
        return problem(`must start with ${prefixes.join(' or ')}`);
      }
      return raw.length >= minLength && /^[A-Za-z0-9_]+$/.test(raw)
        ? ok(raw)
        : problem(`must be at least ${minLength} letters, digits or underscores`);
    },
    write: String,
  };
}

/** Where a provider's API is reached instead of its own host: an origin such as `http://127.0.0.1:12111`. */
export const apiOrigin: SettingType<string> = {
  read(raw) {
    if (!URL.canParse(raw)) return problem(`must be an address like http://127.0.0.1:12111, not "${raw}"`);
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem('must start with https:// or http://');
    return url.origin === raw.replace(/\/$/, '') ? ok(url.origin) : problem('must be an origin, with no path or query');
  },
  write: String,
};

/** Yes or no, written `true` or `false`. */
export const flag: SettingType<boolean> = {
  read(raw) {
    if (raw === 'true' || raw === 'false') return ok(raw === 'true');
    return problem(`must be true or false, not "${raw}"`);
  },
  write: String,
};

/** An S3 bucket's name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
export const bucketName: SettingType<string> = {
  read(raw) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw)
      ? ok(raw)
      : problem(`must be an S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens), not "${raw}"`);
  },
  write: String,
};
