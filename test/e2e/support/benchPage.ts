/**
 * Helpers for the bench specs: count what the worker does (scans, clicks, Tabs, Enters) from trusted input events in
 * the page, scan like a keyboard-wedge scanner (a fast burst ending in Enter, wherever the focus is), type like a
 * person, put parcels on the simulated scale from outside the screen (the platform, not a click), and save a
 * screenshot of the screen at 1280×800 and at 1920×1080.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { StationSocket } from '../../support/stationProcess.ts';
import type { StationFixture } from './stationFixture.ts';
import { DEMO_LEAD, openSignedIn } from './signIn.ts';
import type { DemoPerson } from '../../../electron/station/demoOperators.ts';

export interface BenchCounts {
  readonly clicks: number;
  readonly tabs: number;
  readonly enters: number;
}

export const BENCH_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

export async function openBench(page: Page, station: StationFixture, person: DemoPerson = DEMO_LEAD): Promise<{ scale: StationSocket }> {
  await page.addInitScript(() => {
    const counts = { clicks: 0, tabs: 0, enters: 0 };
    (window as unknown as { benchCounts: typeof counts }).benchCounts = counts;
    window.addEventListener('pointerdown', (e) => { if (e.isTrusted) counts.clicks += 1; }, true);
    window.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Tab') counts.tabs += 1;
      if (e.key === 'Enter') counts.enters += 1;
    }, true);
  });
  await page.setViewportSize(BENCH_SIZES[0]);
  await openSignedIn(page, station.proc.info.pageUrl, person);
  await page.getByTestId('connection').filter({ hasText: 'Station browser' }).waitFor();
  // Signing in took two Enters; the bench's counts start after it.
  await page.evaluate(() => Object.assign((window as unknown as { benchCounts: BenchCounts }).benchCounts, { clicks: 0, tabs: 0, enters: 0 }));
  return { scale: await StationSocket.open(station.proc.info) };
}

export function counts(page: Page): Promise<BenchCounts> {
  return page.evaluate(() => ({ ...(window as unknown as { benchCounts: BenchCounts }).benchCounts }));
}

/**
 * A keyboard-wedge scanner: the characters 2 ms apart and its Enter suffix (one Enter, counted as the scan's). Sent
 * through DevTools' Input.dispatchKeyEvent with the time each key was "created", as a real scanner's keys reach a
 * renderer that is busy drawing (page.keyboard would wait for each key to be handled and stretch the gaps).
 */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let t = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  for (const ch of code) {
    t += 0.002;
    const keyCode = /[0-9]/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code: keyCode, text: ch, modifiers: /[A-Z]/.test(ch) ? 8 : 0, timestamp: t }));
  }
  t += 0.002;
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', timestamp: t }));
  await Promise.all(sent);
  await cdp.detach();
}

/** A person typing one number and Enter (slower than any scanner). */
export async function typeAndEnter(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 90 });
  await page.keyboard.press('Enter');
}

export async function place(scale: StationSocket, lb: string): Promise<void> {
  const r = await scale.call('scale.simulate', { action: 'place', value: lb, unit: 'lb' });
  if (!r.ok) throw new Error(`scale.simulate: ${JSON.stringify(r)}`);
}

export async function removeLoad(scale: StationSocket): Promise<void> {
  const r = await scale.call('scale.simulate', { action: 'remove' });
  if (!r.ok) throw new Error(`scale.simulate: ${JSON.stringify(r)}`);
}

/** The screen as a worker sees it (the viewport) at both bench sizes, under test-results/screenshots/. */
export async function shoot(page: Page, state: string): Promise<void> {
  for (const size of BENCH_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join('test-results', 'screenshots', `${state}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(BENCH_SIZES[0]);
}
