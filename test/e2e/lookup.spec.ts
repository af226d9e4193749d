/**
 * Parcel lookup and a lead's correction on the real screen through the real station (browser mode, demo data):
 * three parcels are taken in (an accept, a hold on the shelf, a return); F3 opens the lookup, and each kind of
 * number — inbound tracking, ECMS waybill, return reference, shelf slot, part of the consignee's name — finds its
 * parcel; a scanner burst into the search box searches too and never starts an intake. The lead corrects the
 * accepted parcel's weight: the verdict becomes RETURN, its label shows VOID, and the INTAKE_CORRECTED event waits
 * in the outbox. Screenshots of the list and the parcel page at 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from './support/stationFixture.ts';
import { BENCH_SIZES, openBench, wedgeScan } from './support/benchPage.ts';
import type { StationSocket } from '../support/stationProcess.ts';

async function takeIn(scale: StationSocket, raw: string, lb: string, dims: [string, string, string]): Promise<string> {
  const intakeId = randomUUID();
  const steps: Array<[string, object]> = [
    ['intake.scan', { raw, source: 'keyboard' }],
    ['intake.captureWeight', { manual: { value: lb, unit: 'lb', reason: 'typed for the test' } }],
    ['intake.setDimensions', { length: dims[0], width: dims[1], height: dims[2], unit: 'in' }],
    ['intake.commitVerdict', {}],
    ['intake.finish', {}],
  ];
  for (const [name, extra] of steps) {
    const r = await scale.call(name, { commandId: randomUUID(), intakeId, ...extra });
    // The bench screen decides by itself once the size is in; whichever asks first, the parcel is decided once.
    const decidedByScreen = name === 'intake.commitVerdict' && !r.ok && r.error.code === 'INVALID_STATE';
    expect(r.ok || decidedByScreen, `${name}: ${JSON.stringify(r)}`).toBe(true);
  }
  return intakeId;
}

async function find(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('lookup-text');
  await box.fill(text);
  await box.press('Enter');
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of BENCH_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join('test-results', 'screenshots', `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(BENCH_SIZES[0]);
}

test('finds a parcel by each kind of number and corrects it: its label is VOID and the correction waits in the outbox', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  const accepted = await takeIn(scale, '1Z4E81W20370000156', '3.2', ['12', '10', '8']); // APELAX1040000101, Wang Fang
  const held = await takeIn(scale, 'TBA300014123456', '1.5', ['9', '6', '3']); // APELAX1190000114, ID missing
  const returned = await takeIn(scale, '774900113112', '8.0', ['62', '12', '10']); // APELAX1180000111, oversize
  const heldView = await scale.call('intake.get', { intakeId: held });
  const slot = (heldView as { ok: true; data: { holdLocation: string } }).data.holdLocation;
  expect(slot).toBeTruthy();

  await page.keyboard.press('F3');
  await expect(page.getByTestId('lookup-page')).toBeVisible();
  await expect(page.getByTestId('lookup-text')).toBeFocused();
  const rows = page.getByTestId('lookup-row');
  const cases: Array<[string, string, string]> = [
    ['1Z4E81W20370000156', accepted, 'tracking number'],
    ['APELAX1190000114', held, 'ECMS waybill'],
    ['RTAPELAX1180000111', returned, 'return reference'],
    [slot, held, 'shelf slot'],
    ['ang Fa', accepted, 'consignee name'],
  ];
  for (const [text, intakeId, kind] of cases) {
    await find(page, text);
    await expect(rows, text).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-intake-id', intakeId);
    await expect(rows.first()).toContainText(kind);
  }
  await shoot(page, 'lookup-list');

  // A scanner burst into the search box searches; it never opens a parcel on the bench.
  const before = await scale.call('intake.current', {});
  await page.getByTestId('lookup-text').fill('');
  await wedgeScan(page, '774900113112');
  await expect(page.getByTestId('lookup-text')).toHaveValue('774900113112');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-intake-id', returned);
  expect(await scale.call('intake.current', {})).toEqual(before);

  // The accepted parcel's page: its trail, its label; the lead corrects its weight.
  await find(page, 'APELAX1040000101');
  // Wait for this search's answer: the list still shows the scanner search's parcel until it arrives.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-intake-id', accepted);
  await rows.first().click();
  const parcel = page.getByTestId('parcel-page');
  await expect(parcel.getByTestId('parcel-verdict')).toHaveText('ACCEPT');
  await expect(parcel.getByTestId('trail-row').first()).toContainText('Scanned 1Z4E81W20370000156');
  await expect(parcel.getByTestId('parcel-price')).toContainText('$21.50');
  await expect(parcel.locator('[data-testid="parcel-document"][data-document="relabel"][data-void="no"]')).toHaveCount(1);
  await parcel.getByTestId('correct-weight').fill('50');
  await parcel.getByTestId('correct-reason').fill('weighed on the wrong scale');
  await parcel.getByTestId('correct-save').click();
  await expect(parcel.getByTestId('parcel-verdict')).toHaveText('RETURN');
  await expect(parcel.getByTestId('parcel-done')).toContainText('RETURN');
  const voidLabel = parcel.locator('[data-testid="parcel-document"][data-document="relabel"][data-void="yes"]');
  await expect(voidLabel).toHaveCount(1);
  await expect(voidLabel).toContainText('VOID');
  await expect(parcel.locator('[data-testid="trail-row"][data-type="INTAKE_CORRECTED"][data-sync="queued"]')).toContainText('Corrected by a lead: weighed on the wrong scale');
  await shoot(page, 'lookup-parcel-corrected');

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const corrected = db.prepare("SELECT o.state, e.payload FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.type = 'INTAKE_CORRECTED' AND e.intake_id = ?").all(accepted) as Array<{ state: string; payload: string }>;
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.state).toBe('pending');
    expect(JSON.parse(corrected[0]!.payload)).toMatchObject({ reason: 'weighed on the wrong scale', verdict: { decision: 'RETURN' }, before: { decision: 'ACCEPT' } });
  } finally {
    db.close();
  }

  // Esc goes back to the list, then to the bench.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lookup-text')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lookup-page')).toHaveCount(0);
  scale.close();
});
