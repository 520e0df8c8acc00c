import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba keeps one dictionary per process, so test files run in worker processes (forks),
    // not threads. A worker runs many files one after another and keeps their modules loaded
    // (isolate: false): the plan, the search index and Slack's libraries are opened once per
    // worker instead of once per file. A file that changes process-wide state puts it back
    // (index-freshness reloads the committed dictionary; fake timers are restored after each test).
    pool: 'forks',
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
