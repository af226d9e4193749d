/**
 * The lead's day summary on the real screen: three parcels taken in through the bench (an accept, a hold and a
 * return), then the summary page shows them — the headline, the hour they were scanned in, the verdict table — and
 * its charts are drawn (pixels on the canvas). Screenshots at 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from './support/stationFixture.ts';
import { BENCH_SIZES, openBench, wedgeScan } from './support/benchPage.ts';
import { openSignedIn } from './support/signIn.ts';

const FLAGGED = { scan: '1Z4E81W20370000950', weight: '6.5', dims: ['24', '6', '6'], decision: 'SET ASIDE' } as const;

const PARCELS = [
  { scan: '1Z4E81W20370000156', weight: '3.2', dims: ['12', '10', '8'], decision: 'ACCEPT' },
  { scan: 'TBA300014123456', weight: '1.5', dims: ['9', '6', '3'], decision: 'HOLD' },
  { scan: 'TBA300010123456', weight: '46.2', dims: ['24', '18', '16'], decision: 'RETURN' },
] as const;

async function takeIn(page: Page, p: (typeof PARCELS)[number] | typeof FLAGGED): Promise<void> {
  await page.getByTestId('scan-input').fill(p.scan);
  await page.getByTestId('scan-input').press('Enter');
  // The new parcel's card (its fields start empty), not the previous one's.
  await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'scanned');
  await expect(page.getByRole('heading', { name: p.scan })).toBeVisible();
  await page.getByTestId('manual-weight').fill(p.weight);
  await page.getByTestId('manual-reason').fill('scale busy');
  await page.getByRole('button', { name: 'Type weight' }).click();
  await page.getByTestId('dim-length').fill(p.dims[0]);
  await page.getByTestId('dim-width').fill(p.dims[1]);
  await page.getByTestId('dim-height').fill(p.dims[2]);
  await page.getByTestId('set-dims').click();
  await expect(page.getByTestId('verdict-decision')).toContainText(p.decision);
}

/** How many pixels of a chart's canvas are not blank: a drawn chart has bars and axes. */
function inkedPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

test('the day summary counts the parcels taken in and draws its charts', async ({ page, station }) => {
  await page.setViewportSize(BENCH_SIZES[0]);
  await openSignedIn(page, station.proc.info.pageUrl);
  for (const p of PARCELS) await takeIn(page, p);

  await page.getByTestId('open-summary').click();
  await expect(page.getByTestId('lead-page')).toBeVisible();
  await expect(page.getByTestId('summary-headline')).toHaveText('3 parcels taken in · 1 accepted · 1 held · 1 returned');
  const totals = page.getByTestId('summary-totals');
  await expect(totals.getByRole('row', { name: /Weight typed by hand/ })).toContainText('3');
  // All three were scanned within the same minute: one hour row with 3.
  const hourRows = page.getByTestId('summary-hours-table').locator('tbody tr');
  await expect(hourRows).toHaveCount(1);
  await expect(hourRows.first().locator('td').last()).toHaveText('3');
  await expect(page.getByTestId('summary-returns')).toContainText('OVERWEIGHT');
  await expect(page.getByTestId('summary-holds-reason')).toContainText('ID_MISSING');

  for (const chart of ['chart-hours', 'chart-verdicts', 'chart-weights']) {
    await expect.poll(() => inkedPixels(page, chart), { message: `${chart} is drawn` }).toBeGreaterThan(500);
  }
  for (const size of BENCH_SIZES) {
    await page.setViewportSize(size);
    await expect.poll(() => inkedPixels(page, 'chart-hours')).toBeGreaterThan(500);
    await page.screenshot({ path: path.join('test-results', 'screenshots', `summary-${size.width}x${size.height}.png`) });
  }

  const download = page.waitForEvent('download');
  await page.getByTestId('summary-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^summary-LAX-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv as Buffer[]).toString('utf8');
  expect(text).toContain('totals,parcels,3\r\n');
  expect(text).toContain('verdicts,HOLD,1\r\n');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lead-page')).toBeHidden();
});

test('a lead marks a set-aside parcel inspected from the exceptions list; the event waits in the outbox', async ({ page, station }) => {
  await page.setViewportSize(BENCH_SIZES[0]);
  await openSignedIn(page, station.proc.info.pageUrl);
  await takeIn(page, FLAGGED);
  await page.getByTestId('open-summary').click();
  await page.getByTestId('tab-exceptions').click();
  const row = page.getByTestId('inspection-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('WEIGHT_MISMATCH');
  await expect(page.getByTestId('dead-letters')).toContainText('HQ has refused nothing.');
  for (const size of BENCH_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join('test-results', 'screenshots', `exceptions-${size.width}x${size.height}.png`) });
  }
  await expect(row.getByRole('button', { name: 'Inspected' })).toBeDisabled();
  await page.getByTestId('exception-note').fill('weighed again, label right');
  await row.getByRole('button', { name: 'Inspected' }).click();
  await expect(page.getByTestId('awaiting-inspection')).toContainText('No parcel waits for inspection.');

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true });
  const events = db.prepare("SELECT e.payload, o.state FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.type = 'PARCEL_INSPECTED'").all() as Array<{ payload: string; state: string }>;
  db.close();
  expect(events).toHaveLength(1);
  expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({ codes: ['WEIGHT_MISMATCH'], note: 'weighed again, label right' });
});

test('on the lead page a scanner burst and the bench shortcuts leave the bench alone', async ({ page, station }) => {
  const { scale } = await openBench(page, station);
  await page.getByTestId('open-summary').click();
  await expect(page.getByTestId('lead-page')).toBeVisible();
  const before = await scale.call('intake.current', {});
  await wedgeScan(page, '1Z4E81W20370000156');
  await page.keyboard.press('F9');
  await page.keyboard.press('F6');
  // Give a scan time to reach the station if one had leaked.
  await page.waitForTimeout(700);
  expect(await scale.call('intake.current', {})).toEqual(before);
  await expect(page.getByTestId('lead-page')).toBeVisible();
});
