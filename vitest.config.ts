import { defineConfig } from 'vitest/config';

// Two projects: `npm run test:unit` (vitest run --project unit) runs the fast, in-process tests — test/unit and
// test/lint, under 30 s; `npm run test:integration` (--project integration) runs test/integration (real SQLite,
// PTYs, child processes, servers). `npm test` (test/runAll.ts) runs both, then Playwright.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/lint/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
    ],
  },
});
