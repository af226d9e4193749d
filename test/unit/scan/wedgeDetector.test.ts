/** The keyboard-wedge state machine: scanner bursts become one scan, human typing is released unchanged. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEDGE_CONFIG,
  feedWedgeKey,
  flushWedge,
  GROUP_SEPARATOR,
  INITIAL_WEDGE_STATE,
  tickWedge,
  wedgeDeadline,
  WedgeConfigSchema,
  WedgeDetector,
  type WedgeConfig,
  type WedgeEffect,
  type WedgeKey,
  type WedgeState,
} from '../../../shared/scan/wedgeDetector.ts';

interface Run {
  scans: string[];
  typed: string;
  swallowed: number;
  passed: string[];
}

/**
 * Drives the machine like the browser hook: keys at the given times; each timer runs 1 ms after the deadline (or
 * `tickLate` ms later) and schedules the next, as long as it is due before the next key; records scans, replayed
 * typing and passed keys in the order a field would see them.
 */
function drive(keys: readonly WedgeKey[], config: WedgeConfig = DEFAULT_WEDGE_CONFIG, tickLate = 0): Run {
  let state: WedgeState = INITIAL_WEDGE_STATE;
  const run: Run = { scans: [], typed: '', swallowed: 0, passed: [] };
  const out = { typed: '' };
  const apply = (effects: readonly WedgeEffect[]) => {
    for (const e of effects) {
      if (e.type === 'scan') run.scans.push(e.text);
      else out.typed += e.keys.map((k) => k.key).join('');
    }
  };
  const tickBefore = (limit: number) => {
    for (let deadline = wedgeDeadline(state, config); deadline !== null && deadline + 1 + tickLate <= limit; deadline = wedgeDeadline(state, config)) {
      const t = tickWedge(state, deadline + 1 + tickLate, config);
      state = t.state;
      apply(t.effects);
    }
  };
  for (const key of keys) {
    tickBefore(key.time);
    const r = feedWedgeKey(state, key, config);
    state = r.state;
    apply(r.effects);
    if (r.disposition === 'swallow') run.swallowed += 1;
    else {
      run.passed.push(key.key);
      if ([...key.key].length === 1 && !key.ctrlKey) out.typed += key.key;
    }
  }
  tickBefore(Number.POSITIVE_INFINITY);
  return { ...run, typed: out.typed };
}

function typeAt(text: string, start: number, gapMs: number): WedgeKey[] {
  return [...text].map((key, i) => ({ key, time: start + i * gapMs }));
}

function enter(time: number): WedgeKey {
  return { key: 'Enter', code: 'Enter', time };
}

describe('wedge detection', () => {
  it('turns a scanner-speed burst ending in Enter into one scan and swallows every key, Enter included', () => {
    const keys = [...typeAt('1Z879E930346834440', 1000, 8), enter(1000 + 18 * 8)];
    const run = drive(keys);
    expect(run.scans).toEqual(['1Z879E930346834440']);
    expect(run.typed).toBe('');
    expect(run.swallowed).toBe(19);
    expect(run.passed).toEqual([]);
  });

  it('lets the same characters typed at human speed through as typing, in order', () => {
    const keys = [...typeAt('1Z879E930346834440', 1000, 140), enter(1000 + 18 * 140)];
    const run = drive(keys);
    expect(run.scans).toEqual([]);
    expect(run.typed).toBe('1Z879E930346834440');
    expect(run.passed).toEqual(['Enter']);
  });

  it('releases a short fast burst (fast typist, key roll-over) as typing', () => {
    const run = drive([...typeAt('ok', 0, 20), enter(40)]);
    expect(run.scans).toEqual([]);
    expect(run.typed).toBe('ok');
    expect(run.passed).toEqual(['Enter']);
  });

  it('completes a burst with no suffix once the keys stop (completeOnTimeout), and not when that is off', () => {
    expect(drive(typeAt('APELAX1040039963', 0, 5)).scans).toEqual(['APELAX1040039963']);
    const strict = WedgeConfigSchema.parse({ completeOnTimeout: false });
    const run = drive(typeAt('APELAX1040039963', 0, 5), strict);
    expect(run.scans).toEqual([]);
    expect(run.typed).toBe('APELAX1040039963');
  });

  it('translates Ctrl+] into GS and a configured GS alias into GS', () => {
    const gs: WedgeKey = { key: ']', code: 'BracketRight', ctrlKey: true, time: 0 };
    const keys: WedgeKey[] = [
      ...typeAt(']C142078745', 0, 5),
      { ...gs, time: 55 },
      ...typeAt('9400111206206406260787', 60, 5),
      enter(200),
    ];
    expect(drive(keys).scans).toEqual([`]C142078745${GROUP_SEPARATOR}9400111206206406260787`]);
    const aliased = drive([...typeAt('42078745~9400111206206406260787', 0, 5), enter(160)], WedgeConfigSchema.parse({ groupSeparatorAlias: '~' }));
    expect(aliased.scans).toEqual([`42078745${GROUP_SEPARATOR}9400111206206406260787`]);
  });

  it('with a prefix, scans only bursts that start with it, and strips it', () => {
    const config = WedgeConfigSchema.parse({ prefix: '§', minLength: 4 });
    expect(drive([...typeAt('§APELAX1040039963', 0, 5), enter(90)], config).scans).toEqual(['APELAX1040039963']);
    const noPrefix = drive([...typeAt('APELAX1040039963', 0, 5), enter(90)], config);
    expect(noPrefix.scans).toEqual([]);
    expect(noPrefix.typed).toBe('APELAX1040039963');
  });

  it('ends a burst as typing on an editing key or a shortcut, replaying the held keys before it', () => {
    const run = drive([...typeAt('ab', 0, 10), { key: 'Backspace', time: 20 }]);
    expect(run.typed).toBe('ab');
    expect(run.passed).toEqual(['Backspace']);
    const shortcut = drive([...typeAt('abc', 0, 10), { key: 's', ctrlKey: true, time: 30 }]);
    expect(shortcut.typed).toBe('abc');
    expect(shortcut.passed).toEqual(['s']);
  });

  it('ignores modifier keys (a scanner sends Shift for capitals) without breaking the burst', () => {
    const keys: WedgeKey[] = [];
    let t = 0;
    for (const ch of 'APELAX1040039963') {
      if (/[A-Z]/.test(ch)) keys.push({ key: 'Shift', time: t });
      keys.push({ key: ch, time: (t += 4) });
    }
    keys.push(enter(t + 4));
    expect(drive(keys).scans).toEqual(['APELAX1040039963']);
  });

  it('treats auto-repeat (a key held down) as typing, never as a scan', () => {
    const held = [...'0000000000'].map((key, i): WedgeKey => ({ key, time: i * 30, repeat: i > 0 }));
    const run = drive(held);
    expect(run.scans).toEqual([]);
    expect(run.typed).toBe('0000000000');
  });

  it('does not open a burst with a space, so Space on a focused button is never delayed', () => {
    const r = feedWedgeKey(INITIAL_WEDGE_STATE, { key: ' ', time: 0 }, DEFAULT_WEDGE_CONFIG);
    expect(r.disposition).toBe('pass');
    expect(r.state.phase).toBe('idle');
  });

  it('decides an overdue burst when the next key arrives if the tick came late', () => {
    // No ticks at all: the second burst's first key settles the first burst.
    const run = drive([...typeAt('APELAX1040039963', 0, 5), ...typeAt('xy', 1000, 200)], DEFAULT_WEDGE_CONFIG, 5000);
    expect(run.scans).toEqual(['APELAX1040039963']);
    expect(run.typed).toBe('xy');
  });

  it('splits two back-to-back scans on their Enter suffixes', () => {
    const keys = [...typeAt('APELAX1040039963', 0, 5), enter(80), ...typeAt('1Z879E930346834440', 85, 5), enter(180)];
    expect(drive(keys).scans).toEqual(['APELAX1040039963', '1Z879E930346834440']);
  });

  it('exposes the deadline and flushes held keys as typing', () => {
    const d = new WedgeDetector();
    expect(d.deadline()).toBeNull();
    expect(d.feed({ key: 'a', time: 100 }).disposition).toBe('swallow');
    expect(d.deadline()).toBe(150);
    expect(d.tick(150)).toEqual([]);
    expect(d.flush()).toEqual([{ type: 'release', keys: [{ key: 'a', time: 100 }] }]);
    expect(flushWedge(INITIAL_WEDGE_STATE).effects).toEqual([]);
  });

  it('rejects invalid configuration at the boundary', () => {
    expect(WedgeConfigSchema.safeParse({ minLength: 0 }).success).toBe(false);
    expect(WedgeConfigSchema.safeParse({ maxInterKeyMs: -1 }).success).toBe(false);
    expect(WedgeConfigSchema.safeParse({ groupSeparatorAlias: 'ab' }).success).toBe(false);
  });
});

describe('wedge detection — properties', () => {
  const printable = fc.stringMatching(/^[!-~][ -~]{0,38}[!-~]$/);
  const config = DEFAULT_WEDGE_CONFIG;

  it('any printable string of ≥ minLength at scanner speed + Enter is exactly one scan of that string', () => {
    fc.assert(
      fc.property(printable.filter((s) => s.length >= config.minLength), fc.integer({ min: 1, max: config.maxInterKeyMs }), (text, gap) => {
        const run = drive([...typeAt(text, 10, gap), enter(10 + text.length * gap)]);
        return run.scans.length === 1 && run.scans[0] === text && run.typed === '' && run.passed.length === 0;
      }),
    );
  });

  it('any printable string at human speed is released unchanged and never scanned', () => {
    fc.assert(
      fc.property(printable, fc.integer({ min: config.maxInterKeyMs + 1, max: 400 }), (text, gap) => {
        const run = drive([...typeAt(text, 10, gap), enter(10 + text.length * gap)]);
        return run.scans.length === 0 && run.typed === text && run.passed.at(-1) === 'Enter';
      }),
    );
  });
});
