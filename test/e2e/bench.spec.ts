/**
 * The bench flow in Chromium on the real station with the simulated scale, driven the way a worker does it: a
 * wedge scan, the parcel put on the platform (outside the screen), three numbers each followed by Enter. The page
 * counts trusted clicks, Tabs and Enters. Screenshots of every state at 1280×800 and 1920×1080 go to
 * test-results/screenshots/.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './support/stationFixture.ts';
import { counts, openBench, place, removeLoad, shoot, typeAndEnter, wedgeScan } from './support/benchPage.ts';

const intakeRow = (dataDir: string, tracking: string) => {
  const db = new Database(path.join(dataDir, 'station.sqlite'), { readonly: true });
  const row = db.prepare('SELECT state, decision, mass_q, mass_source FROM intakes WHERE tracking = ?').get(tracking);
  db.close();
  return row as { state: string; decision: string | null; mass_q: number | null; mass_source: string | null } | undefined;
};

test('accept path: 1 scan and 3 numbers with Enter, 0 clicks, 0 Tabs; the next scan closes it and gets its own weight', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  const card = page.getByTestId('intake');
  await expect(page.getByTestId('idle')).toBeVisible();
  await shoot(page, '01-idle');

  await wedgeScan(page, '1Z4E81W20370000156');
  await expect(card).toHaveAttribute('data-state', 'scanned');
  await expect(page.getByTestId('intake-step')).toHaveText('Put the parcel on the scale');
  await shoot(page, '02-scanned-waiting-for-weight');

  await place(scale, '3.20');
  await expect(page.getByTestId('captured-weight')).toHaveText('3.20 lb (scale)');
  // The weight came by itself; the focus went to the length.
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await shoot(page, '03-weighed-size-entry');
  await typeAndEnter(page, '12');
  await expect(page.getByTestId('dim-width')).toBeFocused();
  await typeAndEnter(page, '10');
  await expect(page.getByTestId('dim-height')).toBeFocused();
  await typeAndEnter(page, '8');
  await expect(page.getByTestId('verdict-decision')).toHaveText('ACCEPT');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-look', 'accept');
  await expect(page.getByTestId('reprice')).toContainText('$21.50');
  await shoot(page, '04-accept');
  expect(await counts(page)).toEqual({ clicks: 0, tabs: 0, enters: 4 });

  // The next parcel is scanned with the first one still on the platform: it must not take its weight.
  await wedgeScan(page, '9400111899223000288157');
  await expect(card).toHaveAttribute('data-state', 'scanned');
  await expect(page.getByTestId('intake-tracking')).toHaveText('9400111899223000288157');
  // Every input starts empty for the new parcel.
  await expect(page.getByTestId('dim-length')).toHaveValue('');
  await expect(page.getByTestId('manual-weight')).toHaveValue('');
  expect(intakeRow(station.dataDir, '1Z4E81W20370000156')).toMatchObject({ state: 'ready', decision: 'ACCEPT' });
  await page.waitForTimeout(1500); // well past the 600 ms settle time
  await expect(page.getByTestId('captured-weight')).toHaveText('Not weighed yet');

  await removeLoad(scale);
  await place(scale, '2.30');
  await expect(page.getByTestId('captured-weight')).toHaveText('2.30 lb (scale)');
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await typeAndEnter(page, '10');
  await typeAndEnter(page, '8');
  await typeAndEnter(page, '4');
  await expect(page.getByTestId('verdict-decision')).toHaveText('ACCEPT');
  expect(await counts(page)).toEqual({ clicks: 0, tabs: 0, enters: 8 });
  const second = intakeRow(station.dataDir, '9400111899223000288157');
  const first = intakeRow(station.dataDir, '1Z4E81W20370000156');
  expect(second).toMatchObject({ state: 'decided', decision: 'ACCEPT', mass_source: 'scale' });
  expect(second?.mass_q).not.toBe(first?.mass_q);
  scale.close();
});

test('an accept flagged for inspection has its own "set aside" look', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  await wedgeScan(page, '1Z4E81W20370000950');
  await place(scale, '6.50');
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await typeAndEnter(page, '24');
  await typeAndEnter(page, '6');
  await typeAndEnter(page, '6');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-look', 'aside');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-decision', 'ACCEPT');
  await expect(page.getByTestId('verdict-decision')).toHaveText('SET ASIDE');
  await expect(page.getByTestId('verdict-reasons').locator('li')).toHaveAttribute('data-code', 'WEIGHT_MISMATCH');
  await shoot(page, '05-accept-set-aside');
  expect(await counts(page)).toMatchObject({ clicks: 0, tabs: 0 });
  scale.close();
});

test('hold path: the shelf slot is shown as large as the verdict, one Enter confirms; a differing live weight warns', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  await wedgeScan(page, 'TBA300014123456');
  await place(scale, '1.50');
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await typeAndEnter(page, '9');
  await typeAndEnter(page, '6');
  await typeAndEnter(page, '3');
  await expect(page.getByTestId('verdict-decision')).toHaveText('HOLD');
  const slot = page.getByTestId('verdict-hold-location').locator('strong');
  await expect(slot).toHaveText(/\S/);
  const [slotPx, wordPx] = await Promise.all([slot, page.getByTestId('verdict-decision')].map((l) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))));
  expect(slotPx).toBeGreaterThanOrEqual(wordPx ?? 0);
  await expect(page.getByTestId('finish')).toBeFocused();
  await shoot(page, '06-hold-with-shelf-slot');
  const before = await counts(page);

  // A different parcel put on the platform: the card's weight and the live readout disagree, and the card says so.
  await removeLoad(scale);
  await place(scale, '9.00');
  await expect(page.getByTestId('live-weight')).toHaveText('9.00 lb');
  await expect(page.getByTestId('weight-disagrees')).toBeVisible();
  await expect(page.getByTestId('weight-disagrees')).toContainText('The scale shows 9.00 lb');
  await shoot(page, '09-weight-disagrees');

  await page.getByTestId('finish').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'ready');
  const after = await counts(page);
  expect(after.clicks).toBe(0);
  expect(after.enters - before.enters).toBe(1);
  scale.close();
});

test('return path: one Enter confirms', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  await wedgeScan(page, 'TBA300010123456');
  await place(scale, '46.20');
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await typeAndEnter(page, '24');
  await typeAndEnter(page, '18');
  await typeAndEnter(page, '16');
  await expect(page.getByTestId('verdict-decision')).toHaveText('RETURN');
  await expect(page.getByTestId('verdict-reasons')).toContainText('44');
  await expect(page.getByTestId('finish')).toBeFocused();
  await shoot(page, '07-return');
  const before = await counts(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'ready');
  const after = await counts(page);
  expect(after).toMatchObject({ clicks: 0, tabs: 0 });
  expect(after.enters - before.enters).toBe(1);
  scale.close();
});

test('a bad size gets a plain-word message beside the field, and a scan while a parcel is open says what to do', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  await wedgeScan(page, '774900033111');
  await wedgeScan(page, '9205590164917000522106');
  await expect(page.getByTestId('error')).toContainText('not finished: it has no weight yet. Put it on the scale');
  await place(scale, '6.00');
  await expect(page.getByTestId('dim-length')).toBeFocused();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await typeAndEnter(page, '999');
  await typeAndEnter(page, '14');
  await typeAndEnter(page, '10');
  const message = page.getByTestId('dims-error');
  await expect(message).toHaveText('Length 999 in is longer than any parcel: at most 393.7 in. Measure it again; a side over 59 in sends the parcel back as oversize.');
  await expect(page.getByTestId('dim-length')).toHaveAttribute('aria-invalid', 'true');
  // Beside the field: inside the size form, not in a box elsewhere.
  await expect(page.locator('form.dims').getByTestId('dims-error')).toBeVisible();
  await expect(page.getByText(/intake\.setDimensions|expected|Too small/)).toHaveCount(0);
  await shoot(page, '08-error-bad-size');
  // Corrected: the message goes with the next action.
  await typeAndEnter(page, '20');
  await expect(page.getByTestId('verdict-decision')).toHaveText('ACCEPT');
  await expect(page.getByTestId('dims-error')).toHaveCount(0);
  scale.close();
});
