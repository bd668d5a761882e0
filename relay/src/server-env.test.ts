import { describe, expect, it } from 'vitest';
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
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    });
    expect(parsed).toEqual({
      ok: true,
      settings: expect.objectContaining({
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/srv/tally',
        allowedOrigins: ['https://tally.example.com', 'http://localhost:5173'],
        trustProxy: true,
        logLevel: 'warn',
      }),
    });
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
      PASSWORD_COST: '3000',
      MAX_FRAME_BYTES: '1',
      HOST: ' ',
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'PORT must be a whole number from 0 to 65535, not "80a"',
      'HOST must not be empty',
      'ALLOWED_ORIGINS entries must be origins like https://tally.example.com, not "tally.example.com/path"',
      'TRUST_PROXY must be true or false, not "yes"',
      'LOG_LEVEL must be one of silent, error, warn, info, debug, not "loud"',
      'MAX_FRAME_BYTES must be a whole number from 1024 to 67108864, not "1"',
      'PASSWORD_COST must be a power of two, not "3000"',
    ]);
  });
});
