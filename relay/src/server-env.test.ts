import { describe, expect, it } from 'vitest';
import { readBlobStoreSettings } from './blobs/blob-store-settings.js';
import { defaultRegistration } from './relay-config.js';
import { parseServerEnv } from './server-env.js';

describe('the relay’s environment', () => {
  it('defaults to port 8080 on localhost with data in ./data', () => {
    const parsed = parseServerEnv({});
    expect(parsed.ok && parsed.settings).toMatchObject({ port: 8080, host: '127.0.0.1', allowedOrigins: [] });
    expect(parsed.ok && parsed.settings.dataDir).toMatch(/\/data$/);
  });

  it('reads every setting it is given', () => {
    const parsed = parseServerEnv({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/tally',
      ALLOWED_ORIGINS: 'https://tally.example.com, http://localhost:5173',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      REGISTRATION: 'closed',
      METRICS_TOKEN: 'a-long-random-scrape-token',
    });
    expect(parsed).toEqual({
      ok: true,
      settings: expect.objectContaining({
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/srv/tally',
        allowedOrigins: ['https://tally.example.com', 'http://localhost:5173'],
        trustProxy: 1,
        logLevel: 'warn',
        registration: 'closed',
        metricsToken: 'a-long-random-scrape-token',
      }),
    });
  });

  it('[S5] trusts a number of proxies or the proxies’ addresses, never every hop', () => {
    const trust = (value: string) => {
      const parsed = parseServerEnv({ TRUST_PROXY: value });
      return parsed.ok ? parsed.settings.trustProxy : parsed.problems;
    };
    expect(trust('false')).toBe(0);
    expect(trust('2')).toBe(2);
    expect(trust('127.0.0.1, 10.0.0.0/8, ::1, loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
    expect(trust('true')).toEqual([expect.stringMatching(/^TRUST_PROXY must be the number of proxies .* not "true"/)]);
    expect(trust('10.0.0.0/33,proxy.local')).toEqual([
      'TRUST_PROXY entries must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, not "10.0.0.0/33"',
      'TRUST_PROXY entries must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, not "proxy.local"',
    ]);
  });

  it('[A1] leaves registration to NODE_ENV when it is not set', () => {
    const parsed = parseServerEnv({});
    expect(parsed.ok && parsed.settings.registration).toBeNull();
    expect(defaultRegistration('production')).toBe('invite');
    expect(defaultRegistration('development')).toBe('open');
    expect(defaultRegistration(undefined)).toBe('open');
  });

  it('takes the default for a setting that is set but empty', () => {
    const parsed = parseServerEnv({ PORT: '', HOST: '', ALLOWED_ORIGINS: '', APP_DIR: '' });
    expect(parsed.ok && parsed.settings).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      allowedOrigins: [],
      appDir: null,
    });
  });

  it('reads the limits an operator may raise or lower', () => {
    const parsed = parseServerEnv({ MAX_FRAME_BYTES: '1048576', MAX_BUFFERED_BYTES: '65536', COMPACT_AFTER: '50' });
    expect(parsed.ok && parsed.settings).toMatchObject({
      maxFrameBytes: 1_048_576,
      maxBufferedBytes: 65_536,
      compactAfter: 50,
    });
  });

  it('names every bad value in one clear message each', () => {
    const parsed = parseServerEnv({
      PORT: '80a',
      ALLOWED_ORIGINS: 'https://ok.example,tally.example.com/path',
      TRUST_PROXY: 'yes',
      LOG_LEVEL: 'loud',
      METRICS_TOKEN: 'short',
      PASSWORD_COST: '3000',
      MAX_FRAME_BYTES: '1',
      HOST: ' ',
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'PORT must be a whole number from 0 to 65535, not "80a"',
      'HOST must not be empty',
      'ALLOWED_ORIGINS entries must be origins like https://tally.example.com, not "tally.example.com/path"',
      'TRUST_PROXY entries must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, not "yes"',
      'METRICS_TOKEN must be at least 16 letters, digits or ._~+/=- characters',
      'LOG_LEVEL must be one of silent, error, warn, info, debug, not "loud"',
      'MAX_FRAME_BYTES must be a whole number from 1024 to 67108864, not "1"',
      'PASSWORD_COST must be a power of two, not "3000"',
    ]);
  });

  it('[M2] reads the mail server and the public address, and needs the one for the other', () => {
    const parsed = parseServerEnv({
      SMTP_URL: 'smtps://tally:secret@mail.example.com:465',
      PUBLIC_URL: 'https://tally.example.com/',
      MAIL_FROM: 'Tally <tally@example.com>',
    });
    expect(parsed.ok && parsed.settings).toMatchObject({
      smtpUrl: 'smtps://tally:secret@mail.example.com:465',
      publicUrl: 'https://tally.example.com',
      mailFrom: 'Tally <tally@example.com>',
    });
    expect(parseServerEnv({ SMTP_URL: 'smtp://mail.example.com' })).toEqual({
      ok: false,
      problems: ['PUBLIC_URL must be set when SMTP_URL is: links in mail point there'],
    });
    const bad = parseServerEnv({ SMTP_URL: 'https://mail.example.com', PUBLIC_URL: 'ftp://tally.example.com' });
    expect(!bad.ok && bad.problems).toEqual([
      'SMTP_URL must start with smtp:// or smtps://, not "https://"',
      'PUBLIC_URL must start with https:// or http://',
    ]);
  });

  it('[PAY1] takes no payments unless a provider is chosen, and reads the chosen provider’s keys', () => {
    const none = parseServerEnv({});
    expect(none.ok && none.settings.paymentProvider).toBe('none');
    const stripe = parseServerEnv({
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_51Tally0000000000',
      STRIPE_WEBHOOK_SECRET: 'whsec_tally0000000000',
      STRIPE_API_URL: 'http://127.0.0.1:12111/',
    });
    expect(stripe.ok && stripe.settings).toMatchObject({
      paymentProvider: 'stripe',
      stripeSecretKey: 'sk_test_51Tally0000000000',
      stripeWebhookSecret: 'whsec_tally0000000000',
      stripeApiUrl: 'http://127.0.0.1:12111',
    });
    const razorpay = parseServerEnv({
      PAYMENT_PROVIDER: 'razorpay',
      RAZORPAY_KEY_ID: 'rzp_test_Tally000000',
      RAZORPAY_KEY_SECRET: 'tally-key-secret-0000',
      RAZORPAY_WEBHOOK_SECRET: 'tally-webhook-secret',
      RAZORPAY_API_URL: 'https://razorpay.internal.example',
    });
    expect(razorpay.ok && razorpay.settings).toMatchObject({
      paymentProvider: 'razorpay',
      razorpayKeyId: 'rzp_test_Tally000000',
      razorpayApiUrl: 'https://razorpay.internal.example',
    });
  });

  it('[PAY1] stops at start naming each payment setting that is missing or malformed', () => {
    expect(parseServerEnv({ PAYMENT_PROVIDER: 'paypal' })).toEqual({
      ok: false,
      problems: ['PAYMENT_PROVIDER must be one of none, stripe, razorpay, not "paypal"'],
    });
    expect(parseServerEnv({ PAYMENT_PROVIDER: 'stripe' })).toEqual({
      ok: false,
      problems: [
        'STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER is stripe',
        'STRIPE_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER is stripe',
      ],
    });
    expect(parseServerEnv({ PAYMENT_PROVIDER: 'razorpay', RAZORPAY_KEY_ID: 'rzp_live_Tally000000' })).toEqual({
      ok: false,
      problems: [
        'RAZORPAY_KEY_SECRET must be set when PAYMENT_PROVIDER is razorpay',
        'RAZORPAY_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER is razorpay',
      ],
    });
    const bad = parseServerEnv({
      STRIPE_SECRET_KEY: 'pk_test_51Tally0000000000',
      STRIPE_WEBHOOK_SECRET: 'sk_test_51Tally0000000000',
      STRIPE_API_URL: 'http://127.0.0.1:12111/v1',
      RAZORPAY_KEY_ID: 'rzp_test_',
      RAZORPAY_KEY_SECRET: 'short',
      RAZORPAY_WEBHOOK_SECRET: 'has spaces in it',
      RAZORPAY_API_URL: 'ftp://razorpay.example',
    });
    expect(!bad.ok && bad.problems).toEqual([
      'STRIPE_SECRET_KEY must start with sk_test_ or sk_live_ or rk_test_ or rk_live_',
      'STRIPE_WEBHOOK_SECRET must start with whsec_',
      'STRIPE_API_URL must be an origin, with no path or query',
      'RAZORPAY_KEY_ID must be at least 14 letters, digits or underscores',
      'RAZORPAY_KEY_SECRET must be at least 16 letters, digits or ._~+/=- characters',
      'RAZORPAY_WEBHOOK_SECRET must be at least 12 letters, digits or ._~+/=- characters',
      'RAZORPAY_API_URL must start with https:// or http://',
    ]);
  });

  it('[C1] reads Redis for several relays, and needs the PostgreSQL database they share', () => {
    const parsed = parseServerEnv({
      DATABASE_URL: 'postgres://tally:secret@db.example.com:5432/tally',
      REDIS_URL: 'redis://redis.example.com:6379',
    });
    expect(parsed.ok && parsed.settings.redisUrl).toBe('redis://redis.example.com:6379');
    expect(parseServerEnv({ REDIS_URL: 'redis://redis.example.com:6379' })).toEqual({
      ok: false,
      problems: ['DATABASE_URL must be set when REDIS_URL is: relays sharing Redis share one PostgreSQL database'],
    });
    const bad = parseServerEnv({
      DATABASE_URL: 'postgres://db.example.com/tally',
      REDIS_URL: 'http://redis.example.com',
    });
    expect(!bad.ok && bad.problems).toEqual(['REDIS_URL must start with redis:// or rediss://, not "http://"']);
  });

  it('[C8] keeps files on disk unless BLOB_STORE=s3, and then reads the bucket and its keys', () => {
    const defaults = parseServerEnv({});
    expect(defaults.ok && readBlobStoreSettings(defaults.settings)).toEqual({ ok: true, choice: { kind: 'disk' } });
    const parsed = parseServerEnv({
      BLOB_STORE: 's3',
      BLOB_S3_ENDPOINT: 'http://minio:9000',
      BLOB_S3_BUCKET: 'tally-blobs',
      BLOB_S3_ACCESS_KEY_ID: 'tally-relay',
      BLOB_S3_SECRET_ACCESS_KEY: 'secret-of-the-relay',
      BLOB_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(parsed.ok && readBlobStoreSettings(parsed.settings)).toEqual({
      ok: true,
      choice: {
        kind: 's3',
        s3: {
          endpoint: 'http://minio:9000',
          bucket: 'tally-blobs',
          region: 'us-east-1',
          accessKeyId: 'tally-relay',
          secretAccessKey: 'secret-of-the-relay',
          forcePathStyle: true,
        },
      },
    });
  });

  it('[C8] stops at start naming each blob store setting that is missing or malformed', () => {
    expect(parseServerEnv({ BLOB_STORE: 's3', BLOB_S3_BUCKET: 'tally-blobs' })).toEqual({
      ok: false,
      problems: [
        'BLOB_S3_ACCESS_KEY_ID must be set when BLOB_STORE is s3',
        'BLOB_S3_SECRET_ACCESS_KEY must be set when BLOB_STORE is s3',
      ],
    });
    const bad = parseServerEnv({
      BLOB_STORE: 'cloud',
      BLOB_S3_ENDPOINT: 'minio:9000',
      BLOB_S3_BUCKET: 'Tally_Blobs',
      BLOB_S3_FORCE_PATH_STYLE: 'yes',
    });
    expect(!bad.ok && bad.problems).toEqual([
      'BLOB_STORE must be one of disk, s3, not "cloud"',
      'BLOB_S3_ENDPOINT must start with https:// or http://',
      'BLOB_S3_BUCKET must be an S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens), not "Tally_Blobs"',
      'BLOB_S3_FORCE_PATH_STYLE must be true or false, not "yes"',
    ]);
  });
});
