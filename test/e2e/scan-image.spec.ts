/**
 * Decoding a label photo (drop or open) in Chromium: the production LabelImageDrop reads an image file, finds the
 * barcode even when the photo is sideways, and reports a photo without a barcode.
 */
import { expect, test } from '@playwright/test';
import bwipjs from 'bwip-js';
import { startScanHarness, type HarnessServer } from './pages/scanHarnessServer.ts';

let harness: HarnessServer;

test.beforeAll(async () => {
  harness = await startScanHarness();
});

test.afterAll(async () => {
  await harness.close();
});

async function labelPng(text: string, rotate: 'N' | 'R'): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 15, rotate, paddingwidth: 20, paddingheight: 20, backgroundcolor: 'FFFFFF' });
}

test('opening a sideways photo of a label scans its barcode', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByTestId('label-image-input').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: await labelPng('1Z879E930346834440', 'R') });
  const entry = page.getByTestId('scan-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.first()).toHaveAttribute('data-source', 'image');
  await expect(entry.first()).toHaveAttribute('data-kind', 'ups_1z');
  await expect(entry.first()).toHaveAttribute('data-valid', 'true');
});

test('dropping a photo works like opening one', async ({ page }) => {
  await page.goto(harness.url);
  const png = (await labelPng('APELAX1040039963', 'N')).toString('base64');
  const transfer = await page.evaluateHandle(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'photo.png', { type: 'image/png' }));
    return dt;
  }, png);
  await page.getByTestId('label-image-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('scan-entry')).toHaveCount(1);
  await expect(page.getByTestId('scan-entry').first()).toHaveAttribute('data-tracking', 'APELAX1040039963');
});

test('a photo without a barcode is reported, not scanned', async ({ page }) => {
  await page.goto(harness.url);
  const blank = await bwipjs.toBuffer({ bcid: 'code128', text: 'X', scale: 1, height: 1, paddingwidth: 200, paddingheight: 200, backgroundcolor: 'FFFFFF', barcolor: 'FFFFFF' });
  await page.getByTestId('label-image-input').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blank });
  await expect(page.getByTestId('errors')).toContainText('NO_BARCODE_FOUND: blank.png');
  await expect(page.getByTestId('scan-entry')).toHaveCount(0);
});
