import { defineConfig } from 'vitest/config';

// This machine (and CI's) sets NODE_EXTRA_CA_CERTS for its package registries. Node parses that
// bundle at every start, about 40 ms of CPU, and the suite starts some 700 processes (daemons,
// hooks, CLIs, the host and its MCP servers), none of which reaches a server on the internet:
// the workers and everything they start go without it. The daemon's own rule for it is tested
// in test/place/daemon-env.test.ts; the federation's TLS tests name their CA themselves.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real daemons, real sockets: processes, not threads, and room for slow shared machines.
    pool: 'forks',
    // One worker process runs many files in turn instead of a fresh one per file: starting a
    // worker and importing src again for each of ~70 files was a third of the suite's CPU time
    // on two cores. Files share no state: each makes its own projects (useProjects) and what a
    // file changes in its process (process.env.HOME, fast-check's seed) it sets back or sets
    // for itself.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
    // The machines have 2 cores, and one more file than cores: much of a file's time is spent
    // waiting on other processes (daemons, the real host, a federation lease running out), and
    // a third file fills it. Measured on this machine, the same run: 2 files at a time took
    // 141 s at 1.7 cores busy, 3 took 127 s at 1.9; more only adds contention.
    maxWorkers: 3,
  },
});
