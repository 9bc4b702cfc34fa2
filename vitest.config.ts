import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real daemons, real sockets: processes, not threads, and room for slow shared machines.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
    // The machines have 2 cores; e2e runs of the real host are heavy.
    maxWorkers: 2,
  },
});
