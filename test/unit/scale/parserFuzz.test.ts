/**
 * Property-based fuzzing of every parser (fast-check): arbitrary bytes never crash a parser and never produce an
 * invalid reading; results do not depend on how the bytes were chunked; valid frames survive noise; and no reading
 * is ever made from garbage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHidPosParser } from '../../../shared/scale/hidPosReport.ts';
import { encodeMettler8213WeightReply } from '../../../shared/scale/mettler8213Encoder.ts';
import { createMettler8213Parser } from '../../../shared/scale/mettler8213Parser.ts';
import { encodeSicsWeightReply } from '../../../shared/scale/mtSicsEncoder.ts';
import { createMtSicsParser } from '../../../shared/scale/mtSicsParser.ts';
import { encodeNciWeightReply } from '../../../shared/scale/nciEncoder.ts';
import { createNciParser } from '../../../shared/scale/nciParser.ts';
import { ScaleReadingSchema } from '../../../shared/scale/reading.ts';
import { ScaleIndicationSchema } from '../../../shared/scale/scaleIndication.ts';
import type { ScaleFrameParser, ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import { encodeToledoContinuousFrame } from '../../../shared/scale/toledoContinuousEncoder.ts';
import { createToledoContinuousParser } from '../../../shared/scale/toledoContinuousParser.ts';
import { massFromDecimal, massFromSteps } from '../../../shared/units/mass.ts';
import { readings, withoutTime } from './scaleTestHelpers.ts';

interface Subject {
  readonly name: string;
  readonly create: () => ScaleFrameParser;
  /** A byte that every frame of the protocol needs (STX or LF): noise without it can never form a frame. */
  readonly frameByte: number;
  /** A valid frame for a stable weight of `steps` hundredths of a pound. */
  readonly frame: (steps: number) => Uint8Array;
}

const lb = (steps: number) => {
  const value = massFromSteps(steps, -2, 'lb');
  if (value === null) throw new Error('bad steps');
  return { value, unit: 'lb' as const, decimals: 2, motion: false, overload: false, underZero: false, net: false };
};

const SUBJECTS: readonly Subject[] = [
  { name: 'mettler-8213', create: () => createMettler8213Parser({ unit: 'lb' }), frameByte: 0x02, frame: (s) => encodeMettler8213WeightReply(lb(s)) },
  { name: 'toledo-continuous', create: () => createToledoContinuousParser(), frameByte: 0x02, frame: (s) => encodeToledoContinuousFrame(lb(s)) },
  { name: 'mt-sics', create: () => createMtSicsParser(), frameByte: 0x0a, frame: (s) => encodeSicsWeightReply(lb(s), 'SI') },
  { name: 'nci scp01', create: () => createNciParser(), frameByte: 0x0a, frame: (s) => encodeNciWeightReply(lb(s), 'scp01') },
  { name: 'nci scp12', create: () => createNciParser(), frameByte: 0x0a, frame: (s) => encodeNciWeightReply(lb(s), 'scp12') },
];

/** Bytes plus cut points that split them into chunks. */
const chunkedBytes = (bytes: fc.Arbitrary<Uint8Array>) =>
  bytes.chain((data) => fc.tuple(fc.constant(data), fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, data.length) }), { maxLength: 20, size: 'medium' }).map((c) => c.sort((a, b) => a - b))));

function feed(parser: ScaleFrameParser, data: Uint8Array, cuts: readonly number[]): ScaleParseEvent[] {
  const events: ScaleParseEvent[] = [];
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    events.push(...parser.push(data.subarray(from, Math.max(from, cut)), 1000));
    from = Math.max(from, cut);
  }
  return events;
}

/** Merges runs of rejections with the same code (their split depends on chunking, their bytes do not). */
function normalise(events: readonly ScaleParseEvent[]): unknown[] {
  const out: ScaleParseEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.type === 'rejected' && last?.type === 'rejected' && last.code === e.code) out[out.length - 1] = { ...last, byteCount: last.byteCount + e.byteCount };
    else out.push(e);
  }
  return withoutTime(out);
}

function assertAllValid(events: readonly ScaleParseEvent[]): void {
  for (const e of events) {
    if (e.type === 'reading') {
      expect(ScaleReadingSchema.safeParse(e.reading).success).toBe(true);
      if (e.reading.value < 0) expect(e.reading.status).toBe('underZero');
    }
    if (e.type === 'indication') expect(ScaleIndicationSchema.safeParse(e.indication).success).toBe(true);
  }
}

/**
 * Random streams built from protocol fragments (delimiters, digits, status letters, units) mixed with arbitrary
 * bytes, so that near-valid frames — the interesting garbage — come up often.
 */
const FRAGMENTS = ['\x02', '\x03', '\n', '\r', '\r\n', ' ', '  ', '.', '-', '+', 'N', '?', 'A', 'B', 'D', 'P', 'S ', 'S', 'D ', 'I', 'E', 'T', 'Z',
  'g', 'kg', 'lb', 'oz', 'mg', 'ct', 'LB', 'KG', 'OZ', 'G', '00', '10', '02', 'p4', '^', '_', ',', '\x7f'];
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS).map((f) => Array.from(f, (c) => c.charCodeAt(0))) },
  { weight: 3, arbitrary: fc.integer({ min: 0x30, max: 0x39 }).map((d) => [d]) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((x) => [x]) },
);
const garbage = fc.array(fragment, { maxLength: 200, size: 'large' }).map((parts) => Uint8Array.from(parts.flat()));
describe.each(SUBJECTS)('$name parser under fuzzing', (subject) => {
  it('never throws and only emits schema-valid readings and indications, whatever the bytes and chunking', () => {
    fc.assert(
      fc.property(chunkedBytes(fc.oneof(fc.uint8Array({ maxLength: 400, size: 'large' }), garbage)), ([data, cuts]) => {
        const parser = subject.create();
        const events = [...feed(parser, data, cuts), ...parser.flush()];
        assertAllValid(events);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same events whether the bytes arrive whole or split anywhere', () => {
    fc.assert(
      fc.property(chunkedBytes(garbage), ([data, cuts]) => {
        expect(normalise(feed(subject.create(), data, cuts))).toEqual(normalise(subject.create().push(data, 1000)));
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a reading or indication from noise that lacks the frame byte', () => {
    fc.assert(
      fc.property(chunkedBytes(garbage.map((g) => g.filter((x) => x !== subject.frameByte))), ([data, cuts]) => {
        const parser = subject.create();
        const events = [...feed(parser, data, cuts), ...parser.flush()];
        expect(events.filter((e) => e.type === 'reading' || e.type === 'indication')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('recovers every valid frame from a stream with noise between frames, split anywhere', () => {
    // Noise between frames is a run without the frame byte; for line protocols (MT-SICS) it is terminated like a
    // line and holds a control byte, as line noise after a reply timeout would be once flushed.
    const noise = garbage.map((g) => g.filter((x) => x !== subject.frameByte));
    const stream = fc.array(fc.tuple(noise, fc.integer({ min: 0, max: 99_999 })), { minLength: 1, maxLength: 8 }).map((parts) => ({
      steps: parts.map(([, steps]) => steps),
      bytes: Uint8Array.from(
        parts.flatMap(([n, steps]) => {
          const lead = subject.name === 'mt-sics' && n.length > 0 ? [0x01, ...n.filter((x) => x !== 0x0d), 0x0d, 0x0a] : [...n];
          return [...lead, ...subject.frame(steps)];
        }),
      ),
    }));
    fc.assert(
      fc.property(stream.chain((s) => fc.tuple(fc.constant(s), fc.uniqueArray(fc.integer({ min: 0, max: s.bytes.length }), { maxLength: 30, size: 'medium' }))), ([s, rawCuts]) => {
        const events = feed(subject.create(), s.bytes, rawCuts.sort((a, b) => a - b));
        expect(readings(events).map((r) => r.value)).toEqual(s.steps.map((steps) => lb(steps).value));
      }),
      { numRuns: 200 },
    );
  });
});

describe('no stable reading from garbage', () => {
  it('Toledo Continuous: any single corrupted byte in a frame loses that frame, never changes its weight', () => {
    const frames = fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(frames, fc.nat(), fc.integer({ min: 1, max: 255 }), (steps, where, flip) => {
        const encoded = steps.map((s) => encodeToledoContinuousFrame(lb(s)));
        const victim = where % encoded.length;
        const frame = Uint8Array.from(encoded[victim] ?? []);
        const at = Math.floor(where / encoded.length) % frame.length;
        frame[at] = (frame[at] ?? 0) ^ flip;
        encoded[victim] = frame;
        const got = readings(createToledoContinuousParser().push(Uint8Array.from(encoded.flatMap((f) => [...f])), 1)).map((r) => r.value);
        const intact = steps.filter((_, i) => i !== victim).map((s) => lb(s).value);
        expect(got.length).toBeLessThanOrEqual(intact.length);
        for (const value of got) expect(intact).toContain(value);
      }),
      { numRuns: 500 },
    );
  });

  it('8213: every reading matches a well-formed STX…CR frame in the stream (differential check against a regex oracle)', () => {
    fc.assert(
      fc.property(chunkedBytes(garbage), ([data, cuts]) => {
        const text = String.fromCharCode(...data);
        const expected: number[] = [];
        // eslint-disable-next-line no-control-regex -- STX delimits 8213 frames; the oracle must match it.
        for (const m of text.matchAll(/\x02([^\x02\r]*)\r/g)) {
          const content = m[1] ?? '';
          const weight = /^ *((?:\d+(?:\.\d+)?|\.\d+))N?$/.exec(content)?.[1];
          const value = weight === undefined || content.length > 14 ? null : massFromDecimal(weight, 'lb');
          if (value !== null) expected.push(value);
        }
        expect(readings(feed(createMettler8213Parser({ unit: 'lb' }), data, cuts)).map((r) => r.value)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('MT-SICS: every reading matches a well-formed "S S|D <number> <unit>" line (differential check)', () => {
    fc.assert(
      fc.property(chunkedBytes(garbage), ([data, cuts]) => {
        const text = String.fromCharCode(...data);
        const expected: string[] = [];
        let from = 0;
        for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', from)) {
          const line = text.slice(from, lf + 1);
          from = lf + 1;
          if (line.length > 64) continue; // the parser drops over-long lines whole
          const m = /^S ([SD]) +(-?(?:\d+(?:\.\d+)?|\.\d+)) +(g|kg|lb|oz)\r\n$/.exec(line);
          const value = m ? massFromDecimal(m[2] ?? '', (m[3] ?? 'g') as 'g' | 'kg' | 'lb' | 'oz') : null;
          if (m === null || value === null) continue;
          const status = value < 0 ? 'underZero' : m[1] === 'D' ? 'motion' : value === 0 ? 'zero' : 'stable';
          expected.push(`${status} ${value} ${m[3]}`);
        }
        const got = readings(feed(createMtSicsParser(), data, cuts)).map((r) => `${r.status} ${r.value} ${r.unit}`);
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('HID reports: arbitrary reports never crash and give readings only for weight statuses and known units', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10 }), (report) => {
        const [event] = createHidPosParser().push(report, 1);
        assertAllValid(event ? [event] : []);
        if (event?.type === 'reading') {
          expect([3, 4]).toContain(report[0]);
          expect([2, 3, 4]).toContain(report[1]);
          expect([1, 2, 3, 11, 12]).toContain(report[2]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
