import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeDay, weightBandIndex, type SummaryIntake } from '../../../shared/summary/daySummary.ts';
import { summaryCsv, csvField } from '../../../shared/summary/summaryCsv.ts';
import { DaySummarySchema } from '../../../shared/contract/summary.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { DAY_MS } from '../../../shared/rules/holdAging.ts';

const LA = 'America/Los_Angeles';
const lb = (text: string): number => massFromDecimal(text, 'lb') ?? Number.NaN;
const reprice = (deltaMinor: number) => ({ currency: 'USD' as const, estimateMinor: 1000, priceMinor: 1000 + deltaMinor, deltaMinor, billableMass: lb('2'), rateCardId: 'rc', rateCardVersion: '1' });
const verdict = (decision: Verdict['decision'], codes: Array<[Verdict['reasons'][number]['code'], 'RETURN' | 'HOLD' | 'FLAG']> = [], delta: number | null = 0): Verdict => ({
  decision, reasons: codes.map(([code, effect]) => ({ code, effect, message: code })), reprice: delta === null ? null : reprice(delta),
});
const intake = (createdAt: number, over: Partial<SummaryIntake> = {}): SummaryIntake => ({
  createdAt, cancelled: false, mass: lb('3'), typedWeight: false, damaged: false, destination: 'CN', verdict: verdict('ACCEPT'), operator: 'ana', ...over,
});

describe('the day summary', () => {
  // 2026-11-01 in Los Angeles: the fall-back day, 25 hours.
  const at = Date.UTC(2026, 10, 2, 12);
  const pdt0130 = Date.UTC(2026, 10, 1, 8, 30);
  const pst0130 = Date.UTC(2026, 10, 1, 9, 30);

  it('counts every figure of a day and leaves other days out', () => {
    const s = summarizeDay({
      date: '2026-11-01', warehouse: 'LAX', timeZone: LA, at,
      intakes: [
        intake(pdt0130, { destination: 'CN', verdict: verdict('ACCEPT', [], 150) }),
        intake(pdt0130 + 60_000, { destination: 'CN', verdict: verdict('ACCEPT', [['WEIGHT_MISMATCH', 'FLAG']], -50), typedWeight: true }),
        intake(pst0130, { destination: 'KR', operator: 'bo', verdict: verdict('HOLD', [['ID_MISSING', 'HOLD']], 20), mass: lb('44') }),
        intake(pst0130 + 1, { operator: 'bo', verdict: verdict('RETURN', [['OVERWEIGHT', 'RETURN'], ['WEIGHT_MISMATCH', 'FLAG']], 999), mass: lb('45.5'), damaged: true }),
        intake(pst0130 + 2, { verdict: null, mass: null }),
        intake(pst0130 + 3, { cancelled: true }),
        intake(Date.UTC(2026, 10, 1, 6, 59), {}), // 23:59 PDT on Oct 31
      ],
      openHolds: [
        { heldAt: at - 1 * DAY_MS, reasons: [{ code: 'ID_MISSING' }, { code: 'DUTIES_UNPAID' }] },
        { heldAt: at - 10 * DAY_MS, reasons: [{ code: 'ID_MISSING' }] },
        { heldAt: at - 31 * DAY_MS, reasons: [{ code: 'NO_PREALERT' }] },
      ],
    });
    expect(DaySummarySchema.parse(s)).toEqual(s);
    expect(s.hours).toHaveLength(25);
    expect(s.parcels).toBe(5);
    expect(s.cancelled).toBe(1);
    expect(s.hours[1]).toMatchObject({ label: '01:00 PDT', count: 2 });
    expect(s.hours[2]).toMatchObject({ label: '01:00 PST', count: 3 });
    expect(s.hours.reduce((n, h) => n + h.count, 0)).toBe(5);
    expect(s.verdicts).toEqual({ ACCEPT: 2, HOLD: 1, RETURN: 1, undecided: 1, setAside: 1 });
    expect(s.typedWeights).toBe(1);
    expect(s.damaged).toBe(1);
    expect(s.returnsByReason).toEqual([{ code: 'OVERWEIGHT', count: 1 }]);
    expect(s.repricing).toEqual([
      { destination: 'CN', currency: 'USD', parcels: 2, deltaMinor: 100 },
      { destination: 'KR', currency: 'USD', parcels: 1, deltaMinor: 20 },
    ]);
    expect(s.weights.find((w) => w.label === '2–5 lb')?.count).toBe(2);
    expect(s.weights.find((w) => w.label === '44 lb and over')?.count).toBe(2);
    expect(s.operators).toEqual([
      { operator: 'ana', parcels: 3, ACCEPT: 2, HOLD: 0, RETURN: 0, typedWeights: 1 },
      { operator: 'bo', parcels: 2, ACCEPT: 0, HOLD: 1, RETURN: 1, typedWeights: 0 },
    ]);
    expect(s.openHolds).toBe(3);
    expect(s.holdsByReason).toEqual([{ code: 'ID_MISSING', count: 2 }, { code: 'DUTIES_UNPAID', count: 1 }, { code: 'NO_PREALERT', count: 1 }]);
    expect(Object.fromEntries(s.holdsByAge.map((b) => [b.bucket, b.count]))).toEqual({ new: 1, chase: 0, escalate: 1, final_notice: 0, expired: 1 });
  });

  it('weight bands are exact at their edges', () => {
    expect(weightBandIndex(lb('0.9999'))).toBe(0);
    expect(weightBandIndex(lb('1'))).toBe(1);
    expect(weightBandIndex(lb('43.9999'))).toBe(6);
    expect(weightBandIndex(lb('44'))).toBe(7);
  });

  it('for any parcels, the hours, verdicts, weights and operators each add up to the parcels counted', () => {
    const day = { start: Date.UTC(2026, 2, 8, 8), end: Date.UTC(2026, 2, 9, 7) }; // LA spring forward, 23 h
    fc.assert(
      fc.property(
        fc.array(fc.record({
          t: fc.integer({ min: day.start - 5 * 3_600_000, max: day.end + 5 * 3_600_000 }),
          cancelled: fc.boolean(), decision: fc.constantFrom('ACCEPT', 'HOLD', 'RETURN', null),
          op: fc.constantFrom('ana', 'bo', 'cy'), mass: fc.option(fc.integer({ min: 0, max: lb('60') })),
        }), { maxLength: 60 }),
        (rows) => {
          const s = summarizeDay({
            date: '2026-03-08', warehouse: 'LAX', timeZone: LA, at: day.end,
            intakes: rows.map((r) => intake(r.t, { cancelled: r.cancelled, operator: r.op, mass: r.mass, verdict: r.decision === null ? null : verdict(r.decision) })),
            openHolds: [],
          });
          const inDay = rows.filter((r) => r.t >= day.start && r.t < day.end);
          const counted = inDay.filter((r) => !r.cancelled);
          expect(s.parcels).toBe(counted.length);
          expect(s.cancelled).toBe(inDay.length - counted.length);
          expect(s.hours.reduce((n, h) => n + h.count, 0)).toBe(counted.length);
          const v = s.verdicts;
          expect(v.ACCEPT + v.HOLD + v.RETURN + v.undecided).toBe(counted.length);
          expect(s.weights.reduce((n, w) => n + w.count, 0)).toBe(counted.filter((r) => r.mass !== null).length);
          expect(s.operators.reduce((n, o) => n + o.parcels, 0)).toBe(counted.length);
        },
      ),
    );
  });
});

describe('the summary CSV', () => {
  it('has a header and one row per figure, quoted where needed, formulas defused', () => {
    const s = summarizeDay({ date: '2026-06-15', warehouse: 'LAX', timeZone: LA, at: Date.UTC(2026, 5, 16), intakes: [
      intake(Date.UTC(2026, 5, 15, 17), { operator: 'Lee, "Kim"', verdict: verdict('ACCEPT', [], -125) }),
      intake(Date.UTC(2026, 5, 15, 17, 5), { operator: '=cmd()' }),
    ], openHolds: [] });
    const lines = summaryCsv(s).split('\r\n');
    expect(lines[0]).toBe('section,item,value');
    expect(lines).toContain('parcels per hour,10:00 PDT,2');
    expect(lines).toContain('totals,parcels,2');
    expect(lines).toContain('repricing total,CN USD,-1.25');
    expect(lines).toContain('operator parcels,"Lee, ""Kim""",1');
    expect(lines).toContain("operator parcels,'=cmd(),1");
    expect(lines.at(-1)).toBe('');
    expect(csvField('-3.20')).toBe('-3.20');
  });
});
