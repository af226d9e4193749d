/**
 * Encoders and parsers agree: any display state a scale can show, encoded in each protocol, parses back to the
 * exact same mass and the status the protocol can express (round trip, property-based).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHidScaleReport } from '../../../shared/scale/hidPosEncoder.ts';
import { parseHidScaleReport } from '../../../shared/scale/hidPosReport.ts';
import { encodeMettler8213WeightReply } from '../../../shared/scale/mettler8213Encoder.ts';
import { createMettler8213Parser } from '../../../shared/scale/mettler8213Parser.ts';
import { encodeSicsWeightReply } from '../../../shared/scale/mtSicsEncoder.ts';
import { createMtSicsParser } from '../../../shared/scale/mtSicsParser.ts';
import { NCI_SHAPES, encodeNciWeightReply } from '../../../shared/scale/nciEncoder.ts';
import { createNciParser } from '../../../shared/scale/nciParser.ts';
import type { ScaleDisplayState } from '../../../shared/scale/scaleDisplayState.ts';
import type { ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import { encodeToledoContinuousFrame } from '../../../shared/scale/toledoContinuousEncoder.ts';
import { createToledoContinuousParser } from '../../../shared/scale/toledoContinuousParser.ts';
import { MASS_UNITS, massFromSteps, type MassUnit } from '../../../shared/units/mass.ts';

type Unit = MassUnit;
type UnitDisplay = ScaleDisplayState & { readonly unit: Unit };

/** A display state: value on the display step, flags consistent (under zero only when negative, overload positive). */
const displayStates = (units: readonly Unit[], maxSteps: number) =>
  fc
    .record({
      unit: fc.constantFrom(...units),
      decimals: fc.integer({ min: 0, max: 3 }),
      steps: fc.integer({ min: -maxSteps, max: maxSteps }),
      motion: fc.boolean(),
      overload: fc.boolean(),
      net: fc.boolean(),
    })
    .map(({ unit, decimals, steps, motion, overload, net }): UnitDisplay | null => {
      const value = massFromSteps(steps, -decimals, unit);
      return value === null ? null : { value, unit, decimals, motion, overload: overload && steps > 0, underZero: false, net };
    })
    .filter((s): s is UnitDisplay => s !== null);

/** What a parser should report for a state: a reading (value, status) or an indication. */
function outcome(events: readonly ScaleParseEvent[]): string {
  const [event, ...rest] = events;
  if (event === undefined || rest.length > 0) return `events:${events.length}`;
  if (event.type === 'reading') return `${event.reading.status} ${event.reading.value} ${event.reading.unit} ${event.reading.mode}`;
  if (event.type === 'indication') return event.indication.condition;
  return event.type === 'rejected' ? `rejected ${event.code}` : 'reply';
}

function weighed(s: ScaleDisplayState, status: string, withMode = true): string {
  return `${status} ${s.value} ${s.unit} ${withMode && s.net ? 'net' : 'gross'}`;
}

function plainStatus(s: ScaleDisplayState): string {
  return s.value < 0 ? 'underZero' : s.motion ? 'motion' : s.value === 0 ? 'zero' : 'stable';
}

describe('encoder → parser round trip', () => {
  it('8213: stable in-range weights come back exactly; motion, overload and negatives come back as status frames', () => {
    fc.assert(
      fc.property(displayStates(MASS_UNITS, 99_999), (s) => {
        const got = outcome(createMettler8213Parser({ unit: s.unit }).push(encodeMettler8213WeightReply(s), 1));
        const want = s.overload ? 'overload' : s.value < 0 ? 'underZero' : s.motion ? 'motion' : weighed(s, s.value === 0 ? 'zero' : 'stable');
        expect(got).toBe(want);
      }),
      { numRuns: 500 },
    );
  });

  it('Toledo Continuous: every state comes back exactly (checksum, status words, decimals)', () => {
    fc.assert(
      fc.property(displayStates(['lb', 'kg', 'g'], 999_999), (s) => {
        const toledo = { ...s, unit: s.unit as 'lb' | 'kg' | 'g' };
        const got = outcome(createToledoContinuousParser().push(encodeToledoContinuousFrame(toledo), 1));
        expect(got).toBe(s.overload ? 'overload' : weighed(s, plainStatus(s)));
      }),
      { numRuns: 500 },
    );
  });

  it('MT-SICS: SI replies come back exactly (SICS frames do not say net: mode is gross unless a tare reply was seen)', () => {
    fc.assert(
      fc.property(displayStates(MASS_UNITS, 9_999_999), (s) => {
        const got = outcome(createMtSicsParser().push(encodeSicsWeightReply(s, 'SI'), 1));
        expect(got).toBe(s.overload ? 'overload' : weighed(s, plainStatus(s), false));
      }),
      { numRuns: 500 },
    );
  });

  it('NCI (all shapes): every state comes back exactly, pounds-ounces included', () => {
    const lbOz = fc.record({ steps: fc.integer({ min: -99_999, max: 99_999 }), decimals: fc.integer({ min: 0, max: 2 }), motion: fc.boolean(), net: fc.boolean() }).map(
      ({ steps, decimals, motion, net }): ScaleDisplayState => ({ value: massFromSteps(steps, -decimals, 'oz') ?? 0, unit: 'lb-oz', decimals, motion, overload: false, underZero: false, net }),
    );
    const states: fc.Arbitrary<ScaleDisplayState> = fc.oneof(displayStates(MASS_UNITS, 999_999), lbOz);
    fc.assert(
      fc.property(states, fc.constantFrom(...NCI_SHAPES), (s, shape) => {
        const got = outcome(createNciParser().push(encodeNciWeightReply(s, shape), 1));
        expect(got).toBe(s.overload ? 'overload' : weighed(s, plainStatus(s)));
      }),
      { numRuns: 500 },
    );
  });

  it('HID: 16-bit weights come back exactly; negatives and overload as indications', () => {
    fc.assert(
      fc.property(displayStates(MASS_UNITS, 65_535), (s) => {
        const got = outcome([parseHidScaleReport(encodeHidScaleReport(s), 1)]);
        const want = s.overload ? 'overload' : s.value < 0 ? 'underZero' : `${s.motion ? 'motion' : s.value === 0 ? 'zero' : 'stable'} ${s.value} ${s.unit} gross`;
        expect(got).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
