/**
 * The station clock 3 days ahead of HQ (issue 14, clocks): the station process runs under Debian's faketime (+3 days)
 * beside a real HQ process on the true time. At its first sync the station learns HQ's time; the bench then shows
 * the red clock banner — what is wrong, how far off, that verdicts are stopped and to call a supervisor.
 * Screenshots at 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startEmbeddedHq, type EmbeddedHq } from '../../electron/launch/embeddedHq.ts';
import { startStationProcess, type StationProcess } from '../support/stationProcess.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { openSignedIn, signInOnScreen } from './support/signIn.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }] as const;

async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

let temp: ReturnType<typeof makeTempDir>;
let hq: EmbeddedHq | null = null;
let proc: StationProcess | null = null;
test.afterEach(async () => {
  await proc?.kill('SIGTERM');
  await hq?.stop();
  proc = null;
  hq = null;
  temp.cleanup();
});

test('a station clock 3 days ahead of HQ: a red banner on the bench says verdicts are stopped and to call a supervisor', async ({ page }) => {
  test.setTimeout(150_000);
  expect(existsSync(FAKETIME_LIB), `faketime is needed: apt-get install -y faketime (${FAKETIME_LIB})`).toBe(true);
  temp = makeTempDir('e2e-clock');
  hq = await startEmbeddedHq(root, { stationId: 'LAX-CLOCK-1', warehouse: 'LAX' }, temp.dir);
  proc = await startStationProcess(['--data-dir', path.join(temp.dir, 'station'), '--demo', '--station-id', 'LAX-CLOCK-1', '--warehouse', 'LAX'], {
    ECMS_HQ_URL: hq.url, ECMS_HQ_TOKEN: hq.token, ECMS_LOG_PRETTY: '0', LD_PRELOAD: FAKETIME_LIB, FAKETIME: '+3d', FAKETIME_DONT_RESET: '1',
  });
  await page.setViewportSize(SIZES[0]);
  await openSignedIn(page, proc.info.pageUrl);
  await expect(page.getByTestId('sync-badge')).toContainText('HQ online', { timeout: 60_000 });
  const banner = page.getByTestId('clock-warning');
  // The banner is read at each (re)connect and every minute; a reload reconnects now that HQ's time is known.
  await expect(async () => {
    await page.reload();
    await signInOnScreen(page);
    await expect(banner).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] });
  await expect(banner).toHaveAttribute('data-problem', 'SKEWED_FROM_HQ');
  await expect(banner).toContainText('The station clock is wrong — parcels cannot be decided');
  await expect(banner).toContainText('3 days ahead of HQ');
  await expect(banner).toContainText('Verdicts are stopped until the clock is right. Call a supervisor.');
  await expect(banner).toHaveCSS('background-color', 'rgb(180, 35, 24)');
  await screenshots(page, 'clock-warning');
});
