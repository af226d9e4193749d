/**
 * The bench's clock warning (renderer/intake/ClockWarning.tsx): a clock that stops verdicts is a red banner that
 * says what is wrong and what to do; one that only jumped is amber and says verdicts go on; a good clock shows
 * nothing. The warning is read again from station.info at once and every minute (clockWarningWatch.ts).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockWarningBanner, clockWarningWords } from '../../../renderer/intake/ClockWarning.tsx';
import { watchClockWarning, type StationClockWarning } from '../../../renderer/intake/clockWarningWatch.ts';
import { StationInfoSchema } from '../../../shared/contract/commands.ts';
import { clockWarning } from '../../../shared/rules/stationTime.ts';

const DAY = 86_400_000;
const state = { hqOffsetMs: null, jumpMs: 0 } as unknown as Parameters<typeof clockWarning>[0]['state'];
const ahead = clockWarning({ state: { ...state, hqOffsetMs: -3 * DAY }, wall: Date.UTC(2026, 11, 4), maxSkewMs: 300_000, earliestRateCardFrom: null });
const jumped = clockWarning({ state: { ...state, jumpMs: 2 * DAY }, wall: Date.UTC(2026, 11, 4), maxSkewMs: 300_000, earliestRateCardFrom: null });
const early = clockWarning({ state, wall: Date.UTC(2020, 0, 1), maxSkewMs: 300_000, earliestRateCardFrom: Date.UTC(2026, 0, 1) });
const html = (warning: StationClockWarning) => renderToStaticMarkup(createElement(ClockWarningBanner, { warning }));

afterEach(() => vi.useRealTimers());

describe('clock warning banner', () => {
  it('a clock ahead of HQ: red, how far off, verdicts stopped, call a supervisor', () => {
    expect(ahead?.problem).toBe('SKEWED_FROM_HQ');
    const out = html(ahead);
    expect(out).toContain('class="clock-warning clock-warning-stop"');
    expect(out).toContain('role="alert"');
    expect(out).toContain('The station clock is wrong — parcels cannot be decided');
    expect(out).toMatch(/3 days ahead of HQ/);
    expect(out).toContain('Verdicts are stopped until the clock is right. Call a supervisor.');
  });

  it('a clock before every rate card also stops verdicts; a clock that only jumped is amber and says verdicts go on', () => {
    expect(clockWarningWords(early)).toMatchObject({ stopsVerdicts: true, action: 'Verdicts are stopped until the clock is right. Call a supervisor.' });
    expect(html(early)).toMatch(/before every rate card starts/);
    const moved = html(jumped);
    expect(moved).toContain('clock-warning-moved');
    expect(moved).toMatch(/moved forward by 2 days/);
    expect(moved).toContain('Parcels are still decided. Tell a supervisor so the clock is checked.');
    expect(moved).not.toMatch(/stopped/);
  });

  it('a good clock shows nothing, and no banner\'s words show a code or a command', () => {
    expect(html(null)).toBe('');
    const words = (w: StationClockWarning) => html(w).replace(/<[^>]+>/g, ' ');
    for (const w of [ahead, jumped, early]) expect(words(w)).not.toMatch(/[A-Z]+_[A-Z_]+|npm |station\.info/);
  });
});

describe('watching station.info', () => {
  it('reads at once and every minute, keeps the last warning while the station is unreachable, and stops', async () => {
    vi.useFakeTimers();
    const base = { stationId: 'LAX-1', warehouse: 'LAX', operator: 'Ana', version: '1', build: null, transport: 'browser', demo: false, dataDir: '/d' };
    const answers = [
      { ok: true, data: StationInfoSchema.parse({ ...base, clockWarning: null }) },
      { ok: true, data: StationInfoSchema.parse({ ...base, clockWarning: ahead }) },
      { ok: false, error: { code: 'STATION_UNREACHABLE', message: 'no station' } },
      { ok: true, data: StationInfoSchema.parse({ ...base, clockWarning: null }) },
    ];
    const call = vi.fn(() => Promise.resolve(answers.shift() ?? answers[0]));
    const seen: StationClockWarning[] = [];
    const stop = watchClockWarning({ call } as never, (w) => seen.push(w));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([null]);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen).toEqual([null, ahead]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toEqual([null, ahead]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toEqual([null, ahead, null]);
    stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(call).toHaveBeenCalledTimes(4);
    expect(call).toHaveBeenCalledWith('station.info', {});
  });
});
