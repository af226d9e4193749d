/**
 * The live weight follows the simulated scale as it streams (frames encoded and parsed with a real protocol): motion,
 * then the stable weight; a new load changes it; an overload is shown and never captured.
 */
import { test, expect } from './support/stationFixture.ts';
import { openSignedIn } from './support/signIn.ts';

test('the live weight changes as the simulated scale streams, and overload is shown, not captured', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  const weight = page.getByTestId('live-weight');
  const status = page.getByTestId('weight-status');
  await expect(page.getByTestId('scale-device')).toContainText('Simulated scale');
  await expect(weight).toHaveText('0.00 lb');

  await page.getByTestId('sim-weight').fill('1.25');
  await page.getByTestId('sim-place').click();
  await expect(status).toHaveText('In motion');
  await expect(weight).toHaveText('1.25 lb');
  await expect(status).toHaveText('Stable');

  await page.getByTestId('sim-weight').fill('7.40');
  await page.getByTestId('sim-place').click();
  await expect(weight).toHaveText('7.40 lb');
  await expect(status).toHaveText('Stable');

  await page.getByTestId('scan-input').fill('1Z4E81W20370000156');
  await page.getByTestId('scan-input').press('Enter');
  await page.getByTestId('sim-weight').fill('900');
  await page.getByTestId('sim-place').click();
  await expect(status).toContainText('OVER CAPACITY');
  await expect(weight).toHaveText('—');
  await expect(page.getByTestId('captured-weight')).toHaveText('Not weighed yet');

  await page.getByTestId('sim-remove').click();
  await expect(weight).toHaveText('0.00 lb');
  await expect(page.getByTestId('captured-weight')).toHaveText('Not weighed yet');
});
