/**
 * Scale line integrity (issue 14, item 7): on a protocol without a checksum (Mettler Toledo 8213) a noisy line turns
 * a 2.40 lb parcel's frames into 7.40 lb frames that still parse. With rejected frames in the last second the weight
 * is never taken as settled; a change of framing (display step, gross/net) restarts the hold; a clean line captures.
 * Real parser bytes → the interlock, the way electron/station/autoCapture.ts feeds it; and through the station core.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { CR, STX, asciiBytes } from '../../../shared/scale/asciiBytes.ts';
import { createMettler8213Parser } from '../../../shared/scale/mettler8213Parser.ts';
import { createWeightInterlock, type InterlockCapture } from '../../../shared/scale/weightInterlock.ts';
import { createCaptureGate } from '../../../shared/scale/captureGate.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { ScaleDiagnostics } from '../../../electron/devices/scale/scaleSource.ts';
import { fakeClassify, fakeScale, recordingDecider } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const T0 = 1_700_000_000_000;
const frame = (text: string) => Uint8Array.of(STX, ...asciiBytes(text), CR);
const lb = (text: string) => massFromDecimal(text, 'lb') as number;
const OPTIONS = { settleMs: 600, emptyBelow: lb('0.05'), changeTolerance: lb('0.05') };

/** Bytes for one 100 ms tick: a good 2.40 lb frame, its corrupted twin (bit flips '2' → '7'), or line noise. */
type Tick = 'good' | 'corrupt' | 'garbled';
const bytesOf = (tick: Tick) => (tick === 'good' ? frame('002.40') : tick === 'corrupt' ? frame('007.40') : Uint8Array.of(STX, 0x30, 0x30, 0xb7, 0x2e, 0x34, CR));

function runLine(ticks: readonly Tick[]) {
  const parser = createMettler8213Parser({ unit: 'lb' });
  const interlock = createWeightInterlock(OPTIONS);
  interlock.setParcel({ id: 'p1', weighing: 'awaiting' }, T0);
  const captures: InterlockCapture[] = [];
  let seq = 0;
  ticks.forEach((tick, i) => {
    const at = T0 + 100 * (i + 1);
    for (const event of parser.push(bytesOf(tick), at)) {
      if (event.type === 'rejected') interlock.frameError(at);
      if (event.type === 'reading') {
        const c = interlock.feedReading(event.reading, ++seq, at).captured;
        if (c) captures.push(c);
      }
    }
  });
  return captures;
}

describe('scale line integrity', () => {
  it('a persistently corrupted 7.40 lb frame is not captured while the line shows errors; 2.40 lb is once it is clean', () => {
    // 2 s of corrupted frames with a garbled frame every 0.5 s, then 1.5 s of clean frames.
    const noisy: Tick[] = Array.from({ length: 20 }, (_, i) => (i % 5 === 4 ? 'garbled' : 'corrupt'));
    const captures = runLine([...noisy, ...Array<Tick>(15).fill('good')]);
    expect(captures.map((c) => c.value)).toEqual([lb('2.40')]);
    // Taken only after a full second without rejected frames and the settle time.
    const lastGarbled = T0 + 100 * 20;
    expect(captures[0]!.capturedAt - lastGarbled).toBeGreaterThanOrEqual(1000);
  });

  it('never captures a weight that held for less than the settle time after the last rejected frame, whatever the line does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Tick>('good', 'corrupt', 'garbled'), { maxLength: 80 }), (ticks) => {
        const errorsAt = ticks.flatMap((t, i) => (t === 'garbled' ? [T0 + 100 * (i + 1)] : []));
        for (const c of runLine(ticks)) {
          const lastError = errorsAt.filter((e) => e <= c.capturedAt).at(-1);
          if (lastError !== undefined) {
            expect(c.capturedAt - lastError).toBeGreaterThanOrEqual(1000);
            expect(c.heldSince).toBeGreaterThan(lastError);
          }
          expect(c.capturedAt - c.heldSince).toBeGreaterThanOrEqual(OPTIONS.settleMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a change of framing (display step or gross/net) restarts the hold even when the weight is the same', () => {
    const gate = createCaptureGate({ settleMs: 600 });
    const reading = (resolution: string, mode: 'gross' | 'net', at: number) => ({ value: lb('2.4'), unit: 'lb' as const, resolution: lb(resolution), status: 'stable' as const, mode, at });
    const got: number[] = [];
    for (let i = 0; i <= 12; i++) {
      const at = T0 + 100 * i;
      const r = i % 2 === 0 ? reading('0.01', 'gross', at) : i % 3 === 0 ? reading('0.1', 'gross', at) : reading('0.01', 'net', at);
      if (gate.feedReading(r, at).captured) got.push(at);
    }
    expect(got).toEqual([]);
    for (let i = 13; i <= 20; i++) if (gate.feedReading(reading('0.01', 'gross', T0 + 100 * i), T0 + 100 * i).captured) got.push(T0 + 100 * i);
    // The hold starts at the last framing change (tick 12): 600 ms later.
    expect(got).toEqual([T0 + 1800]);
  });
});

describe('auto-capture in the station tells the interlock about rejected frames', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let station: Station | null = null;
  afterEach(async () => {
    await station?.close();
    temp?.cleanup();
  });

  it('a stable 7.40 lb with frames rejected in the last second is not captured for the parcel', async () => {
    temp = makeTempDir('frame-integrity');
    let clock = T0;
    let rejected = 0;
    const scale = fakeScale();
    const noisyScale = { ...scale, diagnostics: (): ScaleDiagnostics => ({ validFrames: 0, rejected: { malformed: rejected }, rejectedBytes: rejected * 7, reconnects: 0, lastFrameAt: null }) };
    station = createStation({ signedInAs: TEST_LEAD,
      dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: noisyScale, classify: fakeClassify,
      decide: recordingDecider({ decision: 'ACCEPT', reasons: [], reprice: null }), now: () => clock,
    });
    const intakeId = randomUUID();
    expect((await dispatchCommand(station.handlers, 'intake.scan', { commandId: randomUUID(), intakeId, raw: 'GOOD-SCALE-1', source: 'wedge' }, { error: () => {} })).ok).toBe(true);
    const emit = (value: string) => {
      clock += 100;
      scale.emit({ value: lb(value), unit: 'lb', resolution: lb('0.01'), status: 'stable', mode: 'gross', at: clock });
    };
    for (let i = 0; i < 30; i++) {
      if (i % 5 === 0) rejected++;
      emit('7.40');
    }
    const weight = () => (station!.db.prepare('SELECT mass_q FROM intakes WHERE intake_id = ?').get(intakeId) as { mass_q: number | null }).mass_q;
    expect(weight()).toBeNull();
    for (let i = 0; i < 20; i++) emit('2.40');
    expect(weight()).toBe(lb('2.40'));
  });
});
