/**
 * The station beside a real HQ process (PGlite): the screen shows HQ online and the queue draining to zero after an
 * intake, and HQ holds the station's events. Then HQ goes away: the screen says offline and the queue grows.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { test as base, expect } from '@playwright/test';
import { startEmbeddedHq, type EmbeddedHq } from '../../electron/launch/embeddedHq.ts';
import { startStationProcess, type StationProcess } from '../support/stationProcess.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { openSignedIn } from './support/signIn.ts';

const root = path.resolve(import.meta.dirname, '../..');

const test = base.extend<{ setup: { hq: EmbeddedHq; proc: StationProcess; dataRoot: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  setup: async ({}, use) => {
    const temp = makeTempDir('e2e-sync');
    const hq = await startEmbeddedHq(root, { stationId: 'LAX-SYNC-1', warehouse: 'LAX' }, temp.dir);
    const proc = await startStationProcess(['--data-dir', path.join(temp.dir, 'station'), '--demo', '--station-id', 'LAX-SYNC-1', '--warehouse', 'LAX'], {
      ECMS_HQ_URL: hq.url, ECMS_HQ_TOKEN: hq.token,
    });
    await use({ hq, proc, dataRoot: temp.dir });
    await proc.kill('SIGTERM');
    await hq.stop();
    temp.cleanup();
  },
});

test('the screen shows HQ online and the queue drained after an intake; offline when HQ goes away', async ({ page, setup }) => {
  await openSignedIn(page, setup.proc.info.pageUrl);
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toContainText('HQ online');
  await page.getByTestId('scan-input').fill('1Z4E81W20370000156');
  await page.getByTestId('scan-input').press('Enter');
  await page.getByTestId('manual-weight').fill('3.2');
  await page.getByTestId('manual-reason').fill('e2e sync');
  await page.getByRole('button', { name: 'Type weight' }).click();
  await expect(page.getByTestId('captured-weight')).toContainText('3.20 lb');
  await expect(badge).toContainText('0 queued');
  await expect(badge).toContainText('last ack');

  await setup.hq.stop();
  const db = await PGlite.create(path.join(setup.dataRoot, 'hq'));
  const stored = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM station_events WHERE station_id = 'LAX-SYNC-1'");
  await db.close();
  expect(stored.rows[0]?.n).toBeGreaterThanOrEqual(2);

  await page.getByTestId('dim-length').fill('12');
  await page.getByTestId('dim-width').fill('10');
  await page.getByTestId('dim-height').fill('8');
  await page.getByTestId('set-dims').click();
  await expect(badge).toContainText('HQ offline', { timeout: 20_000 });
  await expect(badge).toContainText(/\b[1-9]\d* queued/); // the size, the verdict decided by itself, its print job
});
