/**
 * Never fail silently: the station process is stopped under an open page. The page covers itself with a full-screen
 * "Station not running" overlay, a scan is refused with a message, the live weight no longer claims "Stable"; when
 * the station is started again (same data directory: same port and token) the page resumes by itself, without a
 * reload, and takes the next scan. A page opened without its token says how to open it.
 * Screenshots of the overlay at 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startStationProcess, type StationProcess } from '../support/stationProcess.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { openSignedIn, signInOnScreen } from './support/signIn.ts';

const UPS_DEMO = '1Z4E81W20370000156';
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }] as const;

async function scannerTypes(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

let temp: ReturnType<typeof makeTempDir>;
let proc: StationProcess | null = null;
test.beforeEach(() => {
  temp = makeTempDir('e2e-reconnect');
});
test.afterEach(async () => {
  await proc?.kill('SIGTERM');
  proc = null;
  temp.cleanup();
});

const start = () => startStationProcess(['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-E2E-RC', '--warehouse', 'LAX'], { ECMS_LOG_PRETTY: '0' });

test('the station stops under an open page: overlay, a refused scan, then the page resumes by itself', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  proc = await start();
  const { pageUrl } = proc.info;
  await openSignedIn(page, pageUrl);
  await expect(page.getByTestId('idle')).toBeVisible();
  await expect(page.getByTestId('weight-status')).not.toHaveText(/unknown/i);
  await expect(page.getByTestId('station-unreachable')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as Record<string, unknown>)['samePage'] = true));

  await proc.kill('SIGKILL');
  proc = null;
  const overlay = page.getByTestId('station-unreachable');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Station not running');
  await expect(overlay).toContainText('Reconnecting by itself');
  await expect(page.getByTestId('weight-status')).not.toHaveText('Stable');
  await expect(page.getByTestId('sync-badge')).toHaveCount(0);
  await screenshots(page, 'station-unreachable');

  await scannerTypes(page, UPS_DEMO);
  await expect(page.getByTestId('unreachable-refused')).toHaveText(/scan was NOT taken/);
  await expect(page.getByTestId('idle')).toBeVisible();
  await screenshots(page, 'station-unreachable-scan-refused');

  proc = await start();
  expect(proc.info.pageUrl).toBe(pageUrl);
  await expect(overlay).toHaveCount(0, { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['samePage'])).toBe(true);
  // A restarted station starts signed out (the session lives in the station's memory): the same page asks again.
  await signInOnScreen(page);
  // State is fetched again: the scale's status is back without any new reading from it.
  await expect(page.getByTestId('weight-status')).not.toHaveText(/unknown/i);
  await scannerTypes(page, UPS_DEMO);
  await expect(page.getByTestId('intake-tracking')).toHaveText(UPS_DEMO);
});

test('a page opened without its token says how to open it', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  proc = await start();
  await page.goto(`${proc.info.origin}/`);
  const overlay = page.getByTestId('station-unreachable');
  await expect(overlay).toHaveAttribute('data-state', 'noToken');
  await expect(overlay).toContainText('opened without its key');
  await expect(overlay).toContainText('#token=');
  await screenshots(page, 'station-no-token');
});
