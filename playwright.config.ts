import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './electron/launch/findChromium.ts';

/**
 * End-to-end tests drive the real intake screen in Debian's Chromium against the browser-mode host.
 * test/runAll.ts checks Chromium exists before this runs (and says how to install it).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright-artifacts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    trace: 'off',
  },
});
