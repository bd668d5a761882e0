import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    name: 'app',
    environment: 'node',
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    // A hang guard, not a speed limit: CI's two cores run every project at once.
    testTimeout: 60_000,
  },
});
