/**
 * The hold shelf on the real screen: a parcel whose consignee ID is missing is held with a shelf location and every
 * reason in words; it appears on the shelf and a batch release with a note takes it off.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './support/stationFixture.ts';
import { openSignedIn } from './support/signIn.ts';

test('a held parcel gets a shelf location, is listed on the shelf, and is released with a note', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  await page.getByTestId('scan-input').fill('TBA300014123456');
  await page.getByTestId('scan-input').press('Enter');
  await page.getByTestId('manual-weight').fill('1.5');
  await page.getByTestId('manual-reason').fill('scale busy');
  await page.getByRole('button', { name: 'Type weight' }).click();
  await page.getByTestId('dim-length').fill('9');
  await page.getByTestId('dim-width').fill('6');
  await page.getByTestId('dim-height').fill('3');
  await page.getByTestId('set-dims').click();

  await expect(page.getByTestId('verdict-decision')).toContainText('HOLD');
  await expect(page.getByTestId('verdict-reasons')).toContainText('China customs need the receiver');
  const location = (await page.getByTestId('verdict-hold-location').locator('strong').textContent()) ?? '';
  expect(location).toMatch(/\S/);
  await expect(page.getByTestId('hold-count')).toHaveText('1 parcel');
  await expect(page.getByTestId('hold-location')).toHaveText(location);

  await page.getByTestId('hold-row').getByRole('checkbox').check();
  await page.getByTestId('hold-note').fill('ID confirmed by phone');
  await page.getByTestId('hold-release').click();
  await expect(page.getByTestId('hold-empty')).toBeVisible();

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true });
  const types = (db.prepare('SELECT type FROM events ORDER BY seq').all() as Array<{ type: string }>).map((e) => e.type);
  const hold = db.prepare('SELECT state, close_cause, close_note FROM holds').get();
  db.close();
  expect(types).toEqual(expect.arrayContaining(['VERDICT_COMMITTED', 'HOLD_PLACED', 'HOLD_RELEASED']));
  expect(hold).toEqual({ state: 'released', close_cause: 'manual_release', close_note: 'ID confirmed by phone' });
});
