import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The browser tests run against the production build, service worker included. */
export default async function buildApp(): Promise<void> {
  await build({ root: APP_ROOT, logLevel: 'warn' });
}
