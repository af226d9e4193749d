/**
 * The keyboard-wedge scanner on the real intake screen: a scanner-speed burst opens the parcel even while an
 * unrelated field has focus, and never lands in that field; the same characters typed by a person stay typing.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/stationFixture.ts';
import { StationSocket } from '../support/stationProcess.ts';
import { openSignedIn } from './support/signIn.ts';

const UPS_DEMO = '1Z4E81W20370000156';

async function scannerTypes(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

test('human-speed typing in another field stays typing and opens no parcel', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  const field = page.getByTestId('sim-weight');
  await field.fill('');
  await field.click();
  await page.keyboard.type(UPS_DEMO, { delay: 120 });
  await expect(field).toHaveValue(UPS_DEMO);
  await expect(page.getByTestId('idle')).toBeVisible();
});

test('a scanner-speed burst opens the parcel while another field has focus, and that field stays as it was', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  const field = page.getByTestId('sim-weight');
  await field.fill('3.20');
  await field.click();
  await scannerTypes(page, UPS_DEMO);
  await expect(page.getByTestId('intake-tracking')).toHaveText(UPS_DEMO);
  await expect(page.getByTestId('waybill')).toHaveText('APELAX1040000101');
  await expect(field).toHaveValue('3.20');
  await expect(field).toBeFocused();
});

test('a scanner programmed with a prefix is recognised by it once the station is set up for it', async ({ page, station }) => {
  const socket = await StationSocket.openSignedIn(station.proc.info);
  const updated = await socket.call('settings.update', { wedge: { minLength: 6, maxInterKeyMs: 50, prefix: '~', suffixKeys: ['Tab'], completeOnTimeout: false, groupSeparatorAlias: '' } });
  expect(updated.ok, JSON.stringify(updated)).toBe(true);
  socket.close();
  await openSignedIn(page, station.proc.info.pageUrl);
  await page.getByTestId('sim-weight').click();
  await page.keyboard.type(`~${UPS_DEMO}`, { delay: 0 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('intake-tracking')).toHaveText(UPS_DEMO);
});
