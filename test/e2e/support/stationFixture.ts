/**
 * Playwright fixture: a fresh station process (browser mode, demo data, simulated scale) for each test, with its
 * own data directory.
 */
import { test as base } from '@playwright/test';
import { startStationProcess, type StationProcess } from '../../support/stationProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';

export interface StationFixture {
  readonly proc: StationProcess;
  readonly dataDir: string;
}

export const test = base.extend<{ station: StationFixture }>({
  station: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const temp = makeTempDir('e2e');
      const proc = await startStationProcess(['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-E2E-1', '--warehouse', 'LAX']);
      await use({ proc, dataDir: temp.dir });
      await proc.kill('SIGTERM');
      temp.cleanup();
    },
    { scope: 'test' },
  ],
});

export { expect } from '@playwright/test';
