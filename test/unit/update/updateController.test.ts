/**
 * The update controller over sequences, with a stand-in update source, a virtual clock and a station whose intake
 * moves on its own: it checks at start and every N hours, offers a downloaded update only between parcels, asks a
 * lead, re-reads the intake after the answer, and never installs mid-intake.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createUpdateController, type UpdateTimers } from '../../../electron/main/updates/updateController.ts';
import type { UpdateSource } from '../../../electron/main/updates/electronUpdaterAdapter.ts';
import { betweenParcels, HOUR_MS, type UpdateEvent } from '../../../shared/update/updatePolicy.ts';
import type { StationIntakeState } from '../../../shared/intake/intakeStates.ts';

const EVERY = 4 * HOUR_MS;
const REMIND = HOUR_MS;
const RETRY = 60_000;

function virtualTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: UpdateTimers = {
    set(run, ms) {
      seq += 1;
      pending.set(seq, { at: now + ms, run });
      return seq;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  const flush = async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  };
  return {
    timers,
    now: () => now,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
        await flush();
      }
      now = until;
      await flush();
    },
  };
}

function standInSource() {
  const listeners: Array<(e: UpdateEvent) => void> = [];
  const source: UpdateSource & { checks: number[]; installs: number; emit(e: UpdateEvent): void; failNext: boolean } = {
    checks: [],
    installs: 0,
    failNext: false,
    async check() {
      this.checks.push(clock.now());
      if (this.failNext) {
        this.failNext = false;
        throw new Error('offline');
      }
    },
    install() {
      this.installs += 1;
    },
    onEvent(l) {
      listeners.push(l);
    },
    emit(e) {
      listeners.forEach((l) => l(e));
    },
  };
  let clock = { now: () => 0 };
  return { source, useClock: (c: { now: () => number }) => (clock = c) };
}

function setup(initialIntake: StationIntakeState = 'idle') {
  const time = virtualTimers();
  const { source, useClock } = standInSource();
  useClock(time);
  let intake: StationIntakeState = initialIntake;
  const asked: Array<{ at: number; version: string; intake: StationIntakeState }> = [];
  const installedDuring: StationIntakeState[] = [];
  let leadAnswer: (version: string) => boolean = () => true;
  let intakeDuringQuestion: StationIntakeState | null = null;
  const realInstall = source.install.bind(source);
  source.install = () => {
    installedDuring.push(intake);
    realInstall();
  };
  const controller = createUpdateController({
    source,
    now: time.now,
    timers: time.timers,
    intakeState: async () => intake,
    askLead: async (version) => {
      asked.push({ at: time.now(), version, intake });
      if (intakeDuringQuestion !== null) intake = intakeDuringQuestion;
      return leadAnswer(version);
    },
    everyMs: EVERY,
    remindMs: REMIND,
    retryMs: RETRY,
  });
  return {
    time, source, controller, asked, installedDuring,
    setIntake: (s: StationIntakeState) => (intake = s),
    answer: (f: (version: string) => boolean) => (leadAnswer = f),
    scanDuringQuestion: (s: StationIntakeState) => (intakeDuringQuestion = s),
  };
}

describe('update controller', () => {
  it('checks at start, then every N hours, and again on schedule after a failed check', async () => {
    const t = setup();
    t.controller.start();
    await t.time.advance(0);
    expect(t.source.checks).toEqual([0]);
    t.source.emit({ type: 'no-update' });
    await t.time.advance(EVERY - 1);
    expect(t.source.checks).toEqual([0]);
    t.source.failNext = true;
    await t.time.advance(1);
    expect(t.source.checks).toEqual([0, EVERY]);
    expect(t.controller.state()).toMatchObject({ phase: 'idle', problem: expect.stringMatching(/tries again later/) });
    await t.time.advance(EVERY);
    expect(t.source.checks).toEqual([0, EVERY, 2 * EVERY]);
  });

  it('does not check again while a download runs, and offers the downloaded update to a lead between parcels', async () => {
    const t = setup();
    t.controller.start();
    await t.time.advance(0);
    t.source.emit({ type: 'update-available', version: '0.2.0' });
    t.source.emit({ type: 'download-progress', percent: 30 });
    await t.time.advance(3 * EVERY);
    expect(t.source.checks).toEqual([0]);
    t.source.emit({ type: 'downloaded', version: '0.2.0' });
    await t.time.advance(0);
    expect(t.asked).toEqual([{ at: 3 * EVERY, version: '0.2.0', intake: 'idle' }]);
    expect(t.source.installs).toBe(1);
    expect(t.controller.state().phase).toBe('installing');
  });

  it('waits while a parcel is open, asks once it is finished, and asks again later when the lead says later', async () => {
    const t = setup('weighed');
    t.answer(() => false);
    t.controller.start();
    await t.time.advance(0);
    t.source.emit({ type: 'downloaded', version: '0.2.0' });
    await t.time.advance(5 * RETRY);
    expect(t.asked).toEqual([]);
    t.setIntake('ready');
    await t.time.advance(RETRY);
    expect(t.asked).toHaveLength(1);
    expect(t.source.installs).toBe(0);
    await t.time.advance(REMIND - 1);
    expect(t.asked).toHaveLength(1);
    t.answer(() => true);
    await t.time.advance(1);
    expect(t.asked).toHaveLength(2);
    expect(t.source.installs).toBe(1);
  });

  it('does not install when a parcel was scanned while the lead was being asked', async () => {
    const t = setup();
    t.scanDuringQuestion('scanned');
    t.controller.start();
    await t.time.advance(0);
    t.source.emit({ type: 'downloaded', version: '0.2.0' });
    await t.time.advance(0);
    expect(t.asked).toHaveLength(1);
    expect(t.source.installs).toBe(0);
    expect(t.controller.state().phase).toBe('ready');
  });

  it('never installs mid-intake or without a lead, over any sequence of updater events, intake changes and answers', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('event' as const), event: fc.constantFrom<UpdateEvent>(
        { type: 'no-update' }, { type: 'update-available', version: '0.2.0' }, { type: 'download-progress', percent: 50 },
        { type: 'downloaded', version: '0.2.0' }, { type: 'failed', problem: 'offline' },
      ) }),
      fc.record({ kind: fc.constant('intake' as const), state: fc.constantFrom<StationIntakeState>('idle', 'scanned', 'weighed', 'decided', 'printed', 'ready', 'cancelled') }),
      fc.record({ kind: fc.constant('lead' as const), yes: fc.boolean() }),
      fc.record({ kind: fc.constant('time' as const), ms: fc.constantFrom(0, RETRY, REMIND, EVERY) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
      const t = setup();
      let yes = false;
      t.answer(() => yes);
      t.controller.start();
      await t.time.advance(0);
      for (const s of steps) {
        if (s.kind === 'event') t.source.emit(s.event);
        if (s.kind === 'intake') t.setIntake(s.state);
        if (s.kind === 'lead') yes = s.yes;
        if (s.kind === 'time') await t.time.advance(s.ms);
        await t.time.advance(0);
      }
      for (const q of t.asked) expect(betweenParcels(q.intake)).toBe(true);
      for (const during of t.installedDuring) expect(betweenParcels(during)).toBe(true);
      expect(t.installedDuring.length).toBeLessThanOrEqual(1);
      if (t.source.installs > 0) expect(t.asked.length).toBeGreaterThan(0);
    }), { numRuns: 150 });
  });
});
