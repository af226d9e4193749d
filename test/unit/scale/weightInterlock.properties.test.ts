/**
 * Property tests of the weight interlock over random bench sessions: labels scanned, parcels put on (each a new
 * object, swapped in with or without an empty platform), taken off quickly or slowly (steady pauses shorter than
 * the settle time, which no scale could tell from a parcel), jiggled, swung through zero, weights typed, parcels
 * decided, printed, cancelled — in any order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interlockHarness, SETTLE_MS } from './interlockHarness.ts';
import { STEP, TICK_MS, type PlatformAction } from './platformScript.ts';

type Step = PlatformAction | { readonly kind: 'scan' | 'decide' | 'typeWeight' | 'print' | 'cancel' };

const SETTLE_TICKS = SETTLE_MS / TICK_MS;
const mass = fc.integer({ min: 10, max: 5000 }).map((hundredths) => hundredths * STEP);
const platformStep: fc.Arbitrary<PlatformAction> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), mass, motionTicks: fc.integer({ min: 0, max: 6 }), stableTicks: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('remove' as const), motionTicks: fc.integer({ min: 0, max: 5 }), zeroTicks: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant('slowRemove' as const), steps: fc.integer({ min: 2, max: 8 }),
    pauseTicks: fc.integer({ min: 0, max: SETTLE_TICKS - 1 }), zeroTicks: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('jiggle' as const), motionTicks: fc.integer({ min: 1, max: 4 }),
    offsetSteps: fc.constantFrom(-1 as const, 0 as const, 1 as const), stableTicks: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({ kind: fc.constant('wait' as const), ticks: fc.integer({ min: 0, max: 15 }) }),
  // A damped swing through zero and below, in motion, as a swap looks on a real or simulated scale.
  fc.record({ kind: fc.constant('swing' as const), through: fc.array(fc.integer({ min: -500, max: 5000 }).map((h) => h * STEP), { minLength: 1, maxLength: 6 }) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: platformStep, weight: 5 },
  { arbitrary: fc.constant({ kind: 'scan' as const }), weight: 2 },
  { arbitrary: fc.constantFrom({ kind: 'decide' as const }, { kind: 'typeWeight' as const }, { kind: 'print' as const }, { kind: 'cancel' as const }), weight: 1 },
);
const session = fc.array(step, { minLength: 1, maxLength: 40 });

function play(steps: readonly Step[]) {
  const h = interlockHarness();
  for (const s of steps) {
    switch (s.kind) {
      case 'scan': h.scan(); break;
      case 'decide': h.decide(); break;
      case 'typeWeight': h.typeWeight(); break;
      case 'print': h.print(); break;
      case 'cancel': h.cancel(); break;
      default: h.act(s);
    }
  }
  return h;
}

describe('weight interlock properties', () => {
  it('never captures a weight for a parcel that did not settle, unchanged and steady, after that parcel was scanned', () => {
    fc.assert(
      fc.property(session, (steps) => {
        const h = play(steps);
        for (const c of h.captures) {
          expect(c.heldSince).toBeGreaterThanOrEqual(h.scannedAt.get(c.parcelId)!);
          expect(c.capturedAt - c.heldSince).toBeGreaterThanOrEqual(SETTLE_MS);
          const held = h.ticks.filter((t) => t.at >= c.heldSince && t.at <= c.capturedAt);
          expect(held.at(-1)?.at).toBe(c.capturedAt);
          for (const t of held) expect(t.reading).toMatchObject({ status: 'stable', value: c.value });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never captures for the next parcel a load whose weight was already taken for an earlier one', () => {
    fc.assert(
      fc.property(session, (steps) => {
        const h = play(steps);
        h.captures.forEach((c, i) => {
          expect(c.object).not.toBeNull();
          const earlier = h.captures.slice(0, i).filter((e) => e.object === c.object);
          for (const e of earlier) expect(e.parcelId).toBe(c.parcelId);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never replaces a typed weight, never weighs a printed parcel, and corrects only a parcel weighed from the scale', () => {
    fc.assert(
      fc.property(session, (steps) => {
        const h = play(steps);
        for (const c of h.captures) {
          expect(['awaiting', 'scale', 'decided']).toContain(c.weighingBefore);
          expect(c.cause).toBe(c.weighingBefore === 'awaiting' ? 'first' : 'correction');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('after any session, a parcel scanned and put on an emptied platform gets its own weight', () => {
    fc.assert(
      fc.property(session, mass, (steps, parcelMass) => {
        const h = play(steps);
        const id = h.scan();
        const got = h.act({ kind: 'remove', motionTicks: 2, zeroTicks: 1 }, { kind: 'place', mass: parcelMass, motionTicks: 3, stableTicks: SETTLE_TICKS + 2 });
        expect(got).toMatchObject([{ parcelId: id, cause: 'first', value: parcelMass }]);
      }),
      { numRuns: 300 },
    );
  });
});
