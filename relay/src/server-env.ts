import { resolve } from 'node:path';

export interface ServerSettings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly appDir: string;
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  readonly maxFrameBytes: number;
  readonly accessTokenTtlSeconds: number;
  readonly authRequestsPerMinute: number;
  readonly upgradesPerMinute: number;
  readonly passwordCost: number;
  readonly unloadAfterMs: number;
  readonly compactAfter: number;
}

export type ParsedEnv =
  | { readonly ok: true; readonly settings: ServerSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

const logLevels = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** Reads the relay's settings from the environment, naming every bad value at once. */
export function parseServerEnv(env: NodeJS.ProcessEnv, defaultAppDir = resolve('app/dist')): ParsedEnv {
  const problems: string[] = [];

  function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
      return fallback;
    }
    return value;
  }

  function origins(): string[] {
    const raw = env.ALLOWED_ORIGINS;
    if (raw === undefined || raw.trim() === '') return [];
    return raw.split(',').flatMap((entry) => {
      const origin = entry.trim();
      try {
        if (new URL(origin).origin === origin) return [origin];
      } catch {
        // reported below
      }
      problems.push(`ALLOWED_ORIGINS entries must be origins like https://tally.example.com, not "${origin}"`);
      return [];
    });
  }

  function flag(name: string): boolean {
    const raw = env[name];
    if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
    if (raw === 'true' || raw === '1') return true;
    problems.push(`${name} must be true or false, not "${raw}"`);
    return false;
  }

  function logLevel(): ServerSettings['logLevel'] {
    const raw = env.LOG_LEVEL;
    if (raw === undefined || raw === '') return 'info';
    const level = logLevels.find((candidate) => candidate === raw);
    if (level === undefined) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, not "${raw}"`);
    return level ?? 'info';
  }

  function passwordCost(): number {
    const cost = integer('PASSWORD_COST', 2 ** 15, 2 ** 10, 2 ** 20);
    if (Number.isInteger(Math.log2(cost))) return cost;
    problems.push(`PASSWORD_COST must be a power of two, not "${cost}"`);
    return 2 ** 15;
  }

  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') problems.push('HOST must not be empty');
  const dataDir = env.DATA_DIR ?? './data';
  if (dataDir.trim() === '') problems.push('DATA_DIR must not be empty');

  const settings: ServerSettings = {
    port: integer('PORT', 8080, 0, 65535),
    host,
    dataDir: resolve(dataDir),
    appDir: resolve(env.APP_DIR || defaultAppDir),
    allowedOrigins: origins(),
    trustProxy: flag('TRUST_PROXY'),
    logLevel: logLevel(),
    maxFrameBytes: integer('MAX_FRAME_BYTES', 32 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 10, 24 * 60 * 60),
    authRequestsPerMinute: integer('AUTH_REQUESTS_PER_MINUTE', 30, 1, 1_000_000),
    upgradesPerMinute: integer('UPGRADES_PER_MINUTE', 120, 1, 1_000_000),
    passwordCost: passwordCost(),
    unloadAfterMs: integer('UNLOAD_AFTER_MS', 10_000, 0, 24 * 60 * 60 * 1000),
    compactAfter: integer('COMPACT_AFTER', 500, 1, 1_000_000),
  };
  return problems.length === 0 ? { ok: true, settings } : { ok: false, problems };
}
