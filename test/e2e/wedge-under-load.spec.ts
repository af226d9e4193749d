/**
 * Keyboard-wedge scanning on a loaded machine (issue 11): 500 scanner bursts arrive while the page's event loop is
 * kept busy (busy-wait tasks of up to 300 ms), and every burst becomes exactly one whole scan; none of its keys leaks
 * into the focused field.
 *
 * A USB scanner's keys carry the time the OS created them. Chrome DevTools' Input.dispatchKeyEvent takes that time
 * (`timestamp`), so each burst is sent the way a busy renderer receives a real scanner's keys: all at once, late, with
 * their original timestamps, 1–4 ms apart. Four bursts in five end with Enter; the rest have no suffix and are
 * decided once the keys stop. Some carry a GS1 group separator typed as Ctrl+]. (Shift and key-ups, which the detector
 * ignores, are covered by the unit tests.)
 * Runs against the scan harness page with the production useWedgeScanner hook.
 */
import { expect, test, type Page } from '@playwright/test';
import { GROUP_SEPARATOR } from '../../shared/scan/wedgeDetector.ts';
import { startScanHarness, type HarnessServer } from './pages/scanHarnessServer.ts';

const BURSTS = 500;
const SEED = 0x11b3e7c4;

let harness: HarnessServer;

test.beforeAll(async () => {
  harness = await startScanHarness();
});

test.afterAll(async () => {
  await harness.close();
});

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Burst {
  readonly text: string;
  readonly suffix: boolean;
  /** Gaps between keys, ms. */
  readonly gaps: readonly number[];
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function makeBurst(rand: () => number, index: number): Burst {
  const length = 10 + Math.floor(rand() * 11);
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET.charAt(Math.floor(rand() * ALPHABET.length));
  // Every seventh burst is a GS1 string with a group separator in the middle.
  if (index % 7 === 3) text = `]C1420${text.slice(0, 5)}${GROUP_SEPARATOR}${text.slice(5)}`;
  const gaps = [...text].map(() => 1 + Math.floor(rand() * 4));
  return { text, suffix: index % 5 !== 4, gaps };
}

/** The fields of DevTools' Input.dispatchKeyEvent this spec uses. */
interface KeyEvent {
  readonly type: 'keyDown' | 'rawKeyDown';
  readonly key: string;
  readonly code: string;
  readonly text?: string;
  readonly modifiers?: number;
  readonly windowsVirtualKeyCode?: number;
  /** Seconds since the epoch: when the OS created the key. */
  readonly timestamp: number;
}

/** The CDP key events a wedge scanner's burst produces, timestamped in seconds since the epoch. */
function burstEvents(burst: Burst, endsAtSec: number): KeyEvent[] {
  const chars = [...burst.text];
  const total = burst.gaps.reduce((a, b) => a + b, 0);
  let t = endsAtSec - total / 1000;
  const events: KeyEvent[] = [];
  // Key-downs only: the detector reads nothing else, and fewer DevTools round trips keep the run short.
  chars.forEach((ch, i) => {
    t += (burst.gaps[i] ?? 0) / 1000;
    if (ch === GROUP_SEPARATOR) {
      events.push({ type: 'rawKeyDown', key: ']', code: 'BracketRight', modifiers: 2, windowsVirtualKeyCode: 221, timestamp: t });
      return;
    }
    const code = /[0-9]/.test(ch) ? `Digit${ch}` : `Key${ch}`;
    events.push({ type: 'keyDown', key: ch, code, text: ch, modifiers: /[A-Z]/.test(ch) ? 8 : 0, timestamp: t });
  });
  if (burst.suffix) {
    t += 0.002;
    events.push({ type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', timestamp: t });
  }
  return events;
}

function burstDurationMs(burst: Burst): number {
  return burst.gaps.reduce((a, b) => a + b, 0) + (burst.suffix ? 2 : 0);
}

const sleepUntil = (epochMs: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

/** Keeps the page's event loop busy: busy-wait tasks of 20–300 ms with short idle spells between them. */
async function loadEventLoop(page: Page): Promise<void> {
  await page.evaluate((seed) => {
    let a = seed >>> 0;
    const rand = () => {
      a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
      return a / 4294967296;
    };
    const w = window as unknown as { wedgeLoad: { stop: boolean; busyMs: number; tasks: number } };
    w.wedgeLoad = { stop: false, busyMs: 0, tasks: 0 };
    const busy = () => {
      if (w.wedgeLoad.stop) return;
      const ms = 20 + rand() * 280;
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // busy: the renderer cannot handle input or timers now
      }
      w.wedgeLoad.busyMs += ms;
      w.wedgeLoad.tasks += 1;
      setTimeout(busy, rand() * 60);
    };
    setTimeout(busy, 0);
  }, SEED);
}

test('500 scanner bursts sent while the event loop is busy each arrive whole, and none leaks into the field', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  const notes = page.getByTestId('notes');
  await expect(notes).toBeVisible();
  await notes.click();

  const rand = random(SEED);
  const bursts = Array.from({ length: BURSTS }, (_, i) => makeBurst(rand, i));
  const cdp = await page.context().newCDPSession(page);
  await loadEventLoop(page);

  const startedAt = Date.now();
  const pending: Promise<unknown>[] = [];
  // The scanner's own timeline (epoch ms): each burst starts after the previous one ended and a pause (a burst with
  // no suffix ends only after a pause longer than the detector's gap).
  let timeline = Date.now();
  for (const burst of bursts) {
    const endsAt = timeline + burstDurationMs(burst);
    // Deliver the keys once the scanner would have finished typing them, all at once, with their own times.
    await sleepUntil(endsAt);
    for (const event of burstEvents(burst, endsAt / 1000)) pending.push(cdp.send('Input.dispatchKeyEvent', event));
    timeline = endsAt + (burst.suffix ? 12 : 70);
  }
  await Promise.all(pending);
  const sendMs = Date.now() - startedAt;

  const load = await page.evaluate(() => {
    const w = window as unknown as { wedgeLoad: { stop: boolean; busyMs: number; tasks: number } };
    w.wedgeLoad.stop = true;
    return { busyMs: Math.round(w.wedgeLoad.busyMs), tasks: w.wedgeLoad.tasks };
  });
  console.log(`sent ${BURSTS} bursts in ${sendMs} ms; event loop busy ${load.busyMs} ms in ${load.tasks} tasks`);

  const entries = page.getByTestId('scan-entry');
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(BURSTS);
  // A split burst would show up as extra scans: give any late ones time to appear.
  await page.waitForTimeout(1000);
  const received = await entries.evaluateAll((items) => items.map((li) => (JSON.parse(li.textContent ?? '{}') as { text: string }).text));
  const firstWrong = received.findIndex((text, i) => text !== bursts[i]?.text);
  expect(firstWrong === -1 ? [] : received.slice(firstWrong, firstWrong + 3), `first mismatch at burst ${firstWrong}: sent ${JSON.stringify(bursts.slice(firstWrong, firstWrong + 2).map((b) => b.text))}`).toEqual(firstWrong === -1 ? [] : bursts.slice(firstWrong, firstWrong + 3).map((b) => b.text));
  expect(received).toEqual(bursts.map((b) => b.text));
  // The field had focus throughout, and no scanner key reached it.
  await expect(notes).toHaveValue('');
  await expect(page.getByTestId('notes-state')).toHaveText('');
  await expect(notes).toBeFocused();
});
