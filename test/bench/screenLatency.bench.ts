/**
 * The screen figures of issue 17 in real Chromium, on an empty station and on the station with a year of history
 * (test/bench/support/historyFixture.ts; `--quick` uses its quick size): the browser-mode station runs as its own
 * process (as `npm start` does) on a copy of the database, and Debian's Chromium shows its page, driven by Playwright.
 * Timed inside the page with performance marks (test/bench/support/paintProbe.ts):
 *   - scan → parcel on screen: the scan's Enter keydown on the scan field → the parcel's card (data-state "scanned",
 *     its waybill) painted; each parcel is scanned with the previous one finished (the screen ready);
 *   - Decide → verdict on screen: the Enter on the last size field (the worker's Decide: the size is sent and the
 *     screen decides by itself) → the card decided with its verdict painted; the weight is typed beforehand;
 *   - parcels one second apart (BETWEEN_PARCELS_MS), as a worker's are;
 *   - start → first screen: the station process spawned → the sign-in screen with the station's info painted (the
 *     browser is already open on a blank page).
 * Needs the build (`node electron/launch/build.ts`) and Chromium. Not part of `npm test`; figures are never asserted.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../electron/launch/findChromium.ts';
import { DATABASE_FILE } from '../../electron/db/openStationDatabase.ts';
import { upsertManifest } from '../../electron/db/queries/manifests.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { addOperator } from '../../electron/station/operatorRoster.ts';
import { startStationProcess } from '../support/stationProcess.ts';
import { DEMO_LEAD, signInOnScreen } from '../e2e/support/signIn.ts';
import { percentile, type BenchRow } from './benchTypes.ts';
import { benchOptions } from './support/benchOptions.ts';
import { historyStation } from './support/historyFixture.ts';
import { PAINT_PROBE_SCRIPT, type PaintProbe, type Wanted } from './support/paintProbe.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = benchOptions.quick ? 30 : 60;
/**
 * A pause before each parcel, as between a worker's parcels (seconds apart): the screen settles, and the host's
 * command rate limit (40 a second, commandRateLimit.ts) is not reached by a bench that goes faster than a person.
 */
const BETWEEN_PARCELS_MS = 1000;
const waybill = (i: number) => `APELAX3${String(i).padStart(9, '0')}`;

interface ScreenFigures {
  readonly startMs: number;
  readonly scans: number[];
  readonly decides: number[];
}

/** Scannable parcels for the samples: the demo's first manifest under new waybills, written beside the running station. */
function addSampleManifests(dir: string): void {
  const demo = (JSON.parse(readFileSync(path.join(ROOT, 'resources/demo/manifests.json'), 'utf8')) as ManifestEntry[]).find((m) => m.waybill === 'APELAX1040000101');
  if (!demo) throw new Error('the demo manifest APELAX1040000101 is missing');
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      for (let i = 0; i < SAMPLES; i++) upsertManifest(db, { ...demo, waybill: waybill(i), inboundTracking: [] }, Date.now());
    })();
  } finally {
    db.close();
  }
}

/**
 * The history fixture was built signed in as a test-only person, so its roster is not empty and `--demo` seeds no
 * demo people in it: the demo lead is added to the copy, as a lead adds a person, before the station starts.
 */
async function addDemoLead(dir: string): Promise<void> {
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    await addOperator(db, DEMO_LEAD, Date.now());
  } finally {
    db.close();
  }
}

/** The last lines of the station's log in `dir` (why a sample failed). */
function stationLogTail(dir: string): string {
  const logs = path.join(dir, 'logs');
  const newest = readdirSync(logs).sort().at(-1);
  return newest === undefined ? '(no log)' : readFileSync(path.join(logs, newest), 'utf8').split('\n').slice(-15).join('\n');
}

/** Arms the probe in the page, then presses Enter in the field: the ms from that keydown to `wanted` painted. */
async function timedEnter(page: Page, name: string, field: string, wanted: readonly Wanted[]): Promise<number> {
  await page.evaluate(([n, f, w]) => {
    const probe = (window as unknown as { paintProbe: PaintProbe; benchLast: Promise<number> });
    probe.benchLast = probe.paintProbe.arm(n, f, w);
  }, [name, field, wanted] as const);
  await page.getByTestId(field).press('Enter');
  const painted = await page.evaluate(() => Promise.race([
    (window as unknown as { benchLast: Promise<number> }).benchLast,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000)),
  ]));
  if (painted === null) {
    const screen = (await page.getByTestId('intake').or(page.getByTestId('idle')).first().textContent()) ?? '';
    throw new Error(`${name}: the screen did not show ${JSON.stringify(wanted)} within 15 s; it shows: ${screen.slice(0, 400)}`);
  }
  return painted;
}

async function measure(page: Page, dir: string): Promise<ScreenFigures> {
  await page.goto('about:blank');
  const spawnedAt = Date.now();
  const proc = await startStationProcess(['--data-dir', dir, '--demo', '--station-id', 'LAX-BENCH-1', '--warehouse', 'LAX']);
  try {
    await page.goto(proc.info.pageUrl);
    const firstScreenAt = await page.waitForFunction(() => (window as unknown as { paintProbe: PaintProbe }).paintProbe.firstScreenAt, null, { timeout: 60_000 });
    const startMs = ((await firstScreenAt.jsonValue()) as number) - spawnedAt;
    await signInOnScreen(page);
    await page.getByTestId('connection').filter({ hasText: 'Station browser' }).waitFor();
    addSampleManifests(dir);
    const scans: number[] = [];
    const decides: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await page.waitForTimeout(BETWEEN_PARCELS_MS);
      await page.getByTestId('scan-input').fill(waybill(i));
      scans.push(await timedEnter(page, 'scan', 'scan-input', [
        { selector: '[data-testid="intake"][data-state="scanned"]' },
        { selector: '[data-testid="waybill"]', text: waybill(i) },
      ]));
      await page.getByTestId('manual-weight').fill('3.2');
      await page.getByTestId('manual-reason').fill('bench weight');
      await page.getByTestId('manual-reason').press('Enter');
      await page.getByTestId('intake').and(page.locator('[data-state="weighed"]')).waitFor();
      await page.getByTestId('dim-length').fill('12');
      await page.getByTestId('dim-width').fill('10');
      await page.getByTestId('dim-height').fill('8');
      decides.push(await timedEnter(page, 'decide', 'dim-height', [
        { selector: '[data-testid="intake"][data-state="decided"]' },
        { selector: '[data-testid="verdict-decision"]', text: 'ACCEPT' },
      ]));
      await page.getByTestId('finish').click();
      await page.getByTestId('intake').and(page.locator('[data-state="ready"]')).or(page.getByTestId('idle')).first().waitFor();
    }
    return { startMs, scans, decides };
  } catch (err) {
    throw new Error(`${String(err)}\nthe station's log, last lines:\n${stationLogTail(dir)}`, { cause: err });
  } finally {
    await proc.kill('SIGTERM');
  }
}

export default async function run(): Promise<BenchRow[]> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium is not installed (apt-get install chromium): the screen figures need it');
  const n = benchOptions.historyIntakes;
  const fixture = await historyStation(n);
  const emptyDir = path.join(path.dirname(fixture.dir), `screen-empty-${process.pid}-${Date.now()}`);
  mkdirSync(emptyDir, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: PAINT_PROBE_SCRIPT });
    const page = await context.newPage();
    const empty = await measure(page, emptyDir);
    await addDemoLead(fixture.dir);
    const history = await measure(page, fixture.dir);
    const label = `${n / 1000} k history`;
    const rows: BenchRow[] = [];
    const scanEmpty = percentile(empty.scans, 95);
    const scanHistory = percentile(history.scans, 95);
    const each = (what: string, e: readonly number[], h: readonly number[], goal: { text: string; met: (p95: number) => boolean }) => {
      rows.push({ name: `${what} p50, empty station`, value: percentile(e, 50), unit: 'ms' });
      rows.push({ name: `${what} p95, empty station`, value: percentile(e, 95), unit: 'ms', goal: goal.text, met: goal.met(percentile(e, 95)) });
      rows.push({ name: `${what} p50, ${label}`, value: percentile(h, 50), unit: 'ms' });
      rows.push({ name: `${what} p95, ${label}`, value: percentile(h, 95), unit: 'ms', goal: goal.text, met: goal.met(percentile(h, 95)) });
    };
    each(`Chromium: scan → parcel on screen (${SAMPLES} scans)`, empty.scans, history.scans, { text: '≤ 30 ms', met: (p) => p <= 30 });
    rows.push({ name: `Chromium: scan → parcel on screen p95, ${label} ÷ empty`, value: scanHistory / scanEmpty, unit: '×', goal: '≤ 1.2×', met: scanHistory / scanEmpty <= 1.2 });
    each(`Chromium: Decide → verdict on screen (${SAMPLES} parcels)`, empty.decides, history.decides, { text: '≤ 50 ms', met: (p) => p <= 50 });
    rows.push({ name: 'Chromium: start → first screen, empty station', value: empty.startMs, unit: 'ms', goal: '≤ 1500 ms', met: empty.startMs <= 1500 });
    rows.push({ name: `Chromium: start → first screen, ${label}`, value: history.startMs, unit: 'ms', goal: '≤ 1500 ms', met: history.startMs <= 1500 });
    return rows;
  } finally {
    await browser.close();
    fixture.cleanup();
    rmSync(emptyDir, { recursive: true, force: true });
  }
}
