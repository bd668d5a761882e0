import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The browser tests run against the production build, service worker included. */
export default async function buildApp(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: APP_ROOT, mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
