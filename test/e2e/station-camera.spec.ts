/**
 * Camera scanning on the real intake screen: a demo parcel's UPS label, generated here as a Code 128 barcode, is
 * Chromium's fake camera; turning the camera on opens that parcel.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_FLAGS, findChromium } from '../../electron/launch/findChromium.ts';
import { placeOnFrame, renderBarcode } from '../fixtures/scan/labelFrames.ts';
import { writeGreyY4m } from './pages/y4m.ts';
import { test, expect } from './support/stationFixture.ts';
import { openSignedIn } from './support/signIn.ts';

const outDir = path.resolve(import.meta.dirname, '../../test-results/station-camera');
mkdirSync(outDir, { recursive: true });
const videoFile = path.join(outDir, 'ups-label.y4m');
writeGreyY4m(videoFile, placeOnFrame(await renderBarcode({ bcid: 'code128', text: '1Z4E81W20170000650', scale: 2, height: 20 }), 640, 480));

test.use({
  launchOptions: {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`],
  },
  permissions: ['camera'],
});

test('the camera scans a label into the intake', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  await expect(page.getByTestId('idle')).toBeVisible();
  await page.getByTestId('camera-toggle').click();
  await expect(page.getByTestId('camera-viewfinder')).toBeVisible();
  await expect(page.getByTestId('intake-tracking')).toHaveText('1Z4E81W20170000650');
  await expect(page.getByTestId('waybill')).toHaveText('APELAX1110000106');
  await expect(page.getByTestId('recent')).toBeVisible();
});
