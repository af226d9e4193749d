/**
 * Damage photos on a station with no camera to use (no fake camera, no permission): "Take photo" answers in plain
 * words what to do, and the bench carries on.
 */
import { CHROMIUM_FLAGS, findChromium } from '../../electron/launch/findChromium.ts';
import { test, expect } from './support/stationFixture.ts';
import { openBench, wedgeScan } from './support/benchPage.ts';

test.use({ launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] }, permissions: [] });

test('a missing or refused camera gets a plain message, and the parcel can go on', async ({ page, station }) => {
  await openBench(page, station);
  await wedgeScan(page, '1Z4E81W20370000156');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'scanned');
  await page.keyboard.press('F6');
  await page.getByTestId('take-photo').click();
  const message = page.getByTestId('photo-message');
  await expect(message).toContainText('The camera cannot be used');
  await expect(message).toContainText(/Take photo again|tell a lead/);
  await expect(message).not.toContainText(/Error|getUserMedia|DOMException/);
  await expect(page.getByTestId('take-photo')).toBeVisible();
  await expect(page.getByTestId('photo-thumb')).toHaveCount(0);
});
