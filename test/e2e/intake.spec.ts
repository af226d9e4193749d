/**
 * A full intake in Chromium on the real station: scan → weight from the simulated scale (captured automatically once
 * stable) → size → verdict on screen (decided by itself once the size is in) → the row in SQLite. Also: a bad check
 * digit is refused with a rescan prompt. (The keyboard-only bench flow and its counts: bench.spec.ts.)
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './support/stationFixture.ts';
import { openSignedIn } from './support/signIn.ts';

test('scan, weigh, measure and decide a parcel; the verdict is on screen and in SQLite', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  await expect(page.getByTestId('connection')).toContainText('Station browser');
  await expect(page.getByTestId('scale-device')).toContainText('Simulated scale');

  await page.getByTestId('scan-input').fill('1Z4E81W20370000156');
  await page.getByTestId('scan-input').press('Enter');
  await expect(page.getByTestId('waybill')).toHaveText('APELAX1040000101');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'scanned');

  await page.getByTestId('sim-weight').fill('3.20');
  await page.getByTestId('sim-place').click();
  await expect(page.getByTestId('weight-status')).toHaveText('In motion');
  await expect(page.getByTestId('live-weight')).toHaveText('3.20 lb');
  await expect(page.getByTestId('weight-status')).toHaveText('Stable');
  await expect(page.getByTestId('captured-weight')).toContainText('3.20 lb (scale)');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'weighed');

  await page.getByTestId('dim-length').fill('12');
  await page.getByTestId('dim-width').fill('10');
  await page.getByTestId('dim-height').fill('8');
  await page.getByTestId('set-dims').click();
  await expect(page.getByTestId('captured-dims')).toHaveText('12.0 × 10.0 × 8.0 in');

  await expect(page.getByTestId('verdict-decision')).toContainText('ACCEPT');
  await expect(page.getByTestId('reprice')).toContainText('$21.50');
  await expect(page.getByTestId('recent')).toContainText('APELAX1040000101');

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true });
  const row = db.prepare("SELECT state, decision, waybill, mass_source FROM intakes WHERE tracking = '1Z4E81W20370000156'").get();
  // The parcel's own events (the demo's operators and the sign-in are events too, with no intake).
  const events = db.prepare("SELECT type FROM events WHERE intake_id = (SELECT intake_id FROM intakes WHERE tracking = '1Z4E81W20370000156') ORDER BY seq").all() as Array<{ type: string }>;
  const signIns = db.prepare("SELECT count(*) AS n FROM events WHERE type = 'OPERATOR_SIGNED_IN' AND intake_id IS NULL").get() as { n: number };
  db.close();
  expect(row).toEqual({ state: 'decided', decision: 'ACCEPT', waybill: 'APELAX1040000101', mass_source: 'scale' });
  // The relabel is queued for printing in the verdict's transaction (no printer is set up in the demo: it waits, visibly).
  expect(events.map((e) => e.type)).toEqual(['INTAKE_SCANNED', 'WEIGHT_CAPTURED', 'DIMENSIONS_SET', 'VERDICT_COMMITTED', 'DOCUMENT_QUEUED']);
  expect(signIns.n).toBe(1);
  await expect(page.getByTestId('printing')).toContainText('Needs attention');

  await page.getByTestId('finish').click();
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'ready');
});

test('a bad check digit is refused with a rescan prompt and stores nothing', async ({ page, station }) => {
  await openSignedIn(page, station.proc.info.pageUrl);
  await page.getByTestId('scan-input').fill('1Z4E81W20370000157');
  await page.getByTestId('scan-input').press('Enter');
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'INVALID_CHECK_DIGIT');
  await expect(page.getByTestId('error')).toContainText('scan it again');
  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true });
  expect(db.prepare("SELECT count(*) AS n FROM intakes WHERE tracking = '1Z4E81W20370000157'").get()).toEqual({ n: 0 });
  expect(db.prepare("SELECT count(*) AS n FROM events WHERE payload LIKE '%1Z4E81W20370000157%'").get()).toEqual({ n: 0 });
  db.close();
});
