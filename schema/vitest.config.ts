import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'schema',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
