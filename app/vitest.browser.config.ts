import { defineProject } from 'vitest/config';

/** Tally in headless Chromium against a real relay: one test file per promise the app makes. */
export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'app-browser',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/build-app.ts'],
    // Two browsers, a relay and a build share a small machine: one file at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
