/**
 * Camera scanning in Chromium (issue 4): a label image generated here is fed as Chromium's fake camera
 * (--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>.y4m) and the production
 * CameraScanner (visible viewfinder, @zxing/library, GS1-aware) scans it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../electron/launch/findChromium.ts';
import { placeOnFrame, renderBarcode } from '../fixtures/scan/labelFrames.ts';
import { startScanHarness, type HarnessServer } from './pages/scanHarnessServer.ts';
import { writeGreyY4m } from './pages/y4m.ts';

const outDir = path.resolve(import.meta.dirname, '../../test-results/scan-camera');
mkdirSync(outDir, { recursive: true });
const videoFile = path.join(outDir, 'usps-impb-label.y4m');
// A USPS IMpb label as a GS1-128 barcode: 420 + ZIP, FNC1, then the PIC.
writeGreyY4m(videoFile, placeOnFrame(await renderBarcode({ bcid: 'gs1-128', text: '(420)78745(94)00111206206406260787', scale: 2, height: 20 }), 640, 480));

test.use({
  launchOptions: {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`],
  },
  permissions: ['camera'],
});

let harness: HarnessServer;

test.beforeAll(async () => {
  harness = await startScanHarness();
});

test.afterAll(async () => {
  await harness.close();
});

test('the camera path shows a live viewfinder and scans the label in view once', async ({ page }) => {
  await page.goto(`${harness.url}?camera=1`);
  const viewfinder = page.getByTestId('camera-viewfinder');
  await expect(viewfinder).toBeVisible();
  await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-status', 'scanning');
  await expect.poll(() => viewfinder.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);

  const entry = page.getByTestId('scan-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.first()).toHaveAttribute('data-source', 'camera');
  await expect(entry.first()).toHaveAttribute('data-kind', 'usps_impb');
  await expect(entry.first()).toHaveAttribute('data-valid', 'true');
  await expect(entry.first()).toHaveAttribute('data-tracking', '9400111206206406260787');
  // Decoded with FNC1 information: AIM prefix and GS separator.
  await expect(entry.first()).toContainText(']C142078745\\u001d9400111206206406260787');
  await expect(page.getByTestId('errors')).toBeEmpty();

  // The label stays in view for another second of video (several decode attempts): still one scan.
  const shownAt = await viewfinder.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => viewfinder.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(shownAt + 1);
  await expect(entry).toHaveCount(1);
});
