import { readBlobStoreSettings } from './blobs/blob-store-settings.js';
import { readPaymentSettings } from './payments/payment-settings.js';
import { eachSetting, type RelaySettings } from './settings/relay-settings.js';

export type ParsedEnv =
  | { readonly ok: true; readonly settings: RelaySettings }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads every relay setting from the environment, naming every bad value at once. An unset or
 * empty variable means the setting's default.
 */
export function parseServerEnv(env: NodeJS.ProcessEnv): ParsedEnv {
  const problems: string[] = [];
  const settings = eachSetting<RelaySettings>('all', (row) => {
    const raw = env[row.env];
    if (raw === undefined || raw === '') return row.default;
    const reading = row.type.read(raw);
    if (reading.ok) return reading.value;
    problems.push(...reading.problems.map((problem) => `${row.env} ${problem}`));
    return row.default;
  });
  if (settings.smtpUrl !== null && settings.publicUrl === null) {
    problems.push('PUBLIC_URL must be set when SMTP_URL is: links in mail point there');
  }
  const payments = readPaymentSettings(settings);
  if (!payments.ok) problems.push(...payments.problems);
  const blobs = readBlobStoreSettings(settings);
  if (!blobs.ok) problems.push(...blobs.problems);
  if (settings.redisUrl !== null && settings.databaseUrl === null) {
    problems.push('DATABASE_URL must be set when REDIS_URL is: relays sharing Redis share one PostgreSQL database');
  }
  return problems.length === 0 ? { ok: true, settings } : { ok: false, problems };
}
