/**
 * Damage photos on the real bench (issue 12, item 5), with Chromium's fake camera: a parcel reported damaged (F6)
 * offers "Take photo"; two photos are taken, their thumbnails shown, their files are in the data directory and two
 * PHOTO_TAKEN events wait in the outbox; the parcel's page shows them too. The card is saved at 1280×800 and 1920×1080.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CHROMIUM_FLAGS, findChromium } from '../../electron/launch/findChromium.ts';
import { writeGreyY4m } from './pages/y4m.ts';
import { test, expect } from './support/stationFixture.ts';
import { openBench, shoot, wedgeScan } from './support/benchPage.ts';

const outDir = path.resolve(import.meta.dirname, '../../test-results/station-photos');
mkdirSync(outDir, { recursive: true });
const videoFile = path.join(outDir, 'packaging.y4m');
// A "crushed box": diagonal stripes of grey, enough for a JPEG that is not blank.
const width = 640;
const height = 480;
const data = new Uint8ClampedArray(width * height);
for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = ((x + y) >> 4) % 2 === 0 ? 190 : 70;
writeGreyY4m(videoFile, { data, width, height });

test.use({
  launchOptions: {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`],
  },
  permissions: ['camera'],
});

test('a damaged parcel gets two photos: thumbnails, files in the data dir, PHOTO_TAKEN in the outbox', async ({ page, station }) => {
  await openBench(page, station);
  const card = page.getByTestId('intake');
  await wedgeScan(page, '1Z4E81W20370000156');
  await expect(card).toHaveAttribute('data-state', 'scanned');
  await expect(page.getByTestId('take-photo')).toHaveCount(0); // not damaged: no photos offered
  await page.keyboard.press('F6');
  await expect(page.getByTestId('damaged')).toBeChecked();

  await page.getByTestId('take-photo').click();
  await expect(page.getByTestId('photo-viewfinder')).toBeVisible();
  for (const n of [1, 2]) {
    await page.getByTestId('photo-capture').click();
    await expect(page.getByTestId('photo-thumb')).toHaveCount(n);
  }
  await expect(page.getByTestId('photo-thumb').locator('img')).toHaveCount(2);
  await expect(page.getByTestId('photo-capture')).toContainText('1 left');
  await page.getByTestId('photo-camera-close').click();
  await expect(page.getByTestId('take-photo')).toContainText('2 of 3');
  await expect(page.getByTestId('photo-message')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'damage-photos-card');

  // The parcel's page shows the same photos (no camera there).
  await page.keyboard.press('F3');
  await page.getByTestId('lookup-text').fill('APELAX1040000101');
  await page.getByTestId('lookup-text').press('Enter');
  await page.getByTestId('lookup-row').first().click();
  const parcel = page.getByTestId('parcel-page');
  await expect(parcel.getByTestId('photo-thumb').locator('img')).toHaveCount(2);
  await expect(parcel.getByTestId('take-photo')).toHaveCount(0);
  await parcel.getByTestId('photo-thumb').first().scrollIntoViewIfNeeded();
  await shoot(page, 'damage-photos-parcel-page');
  await page.keyboard.press('Escape');

  const intakeDirs = readdirSync(path.join(station.dataDir, 'photos'));
  expect(intakeDirs).toHaveLength(1);
  const files = readdirSync(path.join(station.dataDir, 'photos', intakeDirs[0] ?? ''));
  expect(files).toHaveLength(2);
  for (const f of files) expect([...readFileSync(path.join(station.dataDir, 'photos', intakeDirs[0] ?? '', f)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  const db = new Database(path.join(station.dataDir, 'station.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const events = db.prepare(`SELECT e.intake_id AS intakeId, o.state FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.type = 'PHOTO_TAKEN'`).all() as Array<{ intakeId: string; state: string }>;
    expect(events.map((e) => e.intakeId)).toEqual([intakeDirs[0], intakeDirs[0]]);
    expect(events.every((e) => e.state === 'pending')).toBe(true); // no HQ configured in this station: they wait
  } finally {
    db.close();
  }
});
