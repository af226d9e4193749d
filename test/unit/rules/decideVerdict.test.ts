import { describe, expect, it } from 'vitest';
import { decideVerdict, type VerdictInput } from '../../../shared/rules/decideVerdict.ts';
import { RulesError } from '../../../shared/rules/ruleError.ts';
import { VerdictSchema, type Verdict } from '../../../shared/rules/verdict.ts';
import { RateCardSchema } from '../../../shared/rules/rateCard.ts';
import { AT, dims, manifest, mass, sampleContext } from './ruleFixtures.ts';

function decide(overrides: Partial<VerdictInput> = {}): Verdict {
  const m = overrides.manifest === undefined ? manifest() : overrides.manifest;
  const v = decideVerdict({
    manifest: m,
    measuredMass: mass('3.2', 'lb'),
    dims: dims('12', '10', '8', 'in'),
    damaged: false,
    context: sampleContext(m?.destination ?? null),
    ...overrides,
  });
  // Every verdict must satisfy the contract schema the station stores and sends.
  expect(VerdictSchema.parse(v)).toEqual(v);
  return v;
}
const codes = (v: Verdict) => v.reasons.map((r) => `${r.effect}:${r.code}`);

describe('decisions and reasons', () => {
  it('a clean parcel is accepted with no reasons and repriced', () => {
    const v = decide();
    expect(v.decision).toBe('ACCEPT');
    expect(v.reasons).toEqual([]);
    expect(v.reprice).toMatchObject({ currency: 'USD', estimateMinor: 2150, priceMinor: 2150, deltaMinor: 0, billableMass: mass('4', 'lb'), rateCardId: 'card-a-CN', rateCardVersion: '2026.1' });
  });

  it.each([
    ['44.00 lb', '44', 'ACCEPT', []],
    ['44.01 lb', '44.01', 'RETURN', ['RETURN:OVERWEIGHT']],
  ] as const)('weight %s → %s', (_n, lb, decision, expected) => {
    const v = decide({ manifest: manifest({ declaredMass: mass(lb, 'lb') }), measuredMass: mass(lb, 'lb') });
    expect([v.decision, codes(v)]).toEqual([decision, expected]);
  });

  it.each([
    ['59.0', 'ACCEPT', []],
    ['59.1', 'RETURN', ['RETURN:OVERSIZE']],
  ] as const)('a %s in side → %s', (side, decision, expected) => {
    const v = decide({ dims: dims(side, '10', '8', 'in') });
    expect([v.decision, codes(v)]).toEqual([decision, expected]);
  });

  it('damaged packaging reported by the worker returns the parcel', () => {
    expect(codes(decide({ damaged: true }))).toEqual(['RETURN:DAMAGED_PACKAGING']);
  });

  it('no manifest: HOLD with NO_PREALERT, default limits still apply, no price', () => {
    const v = decide({ manifest: null });
    expect([v.decision, codes(v), v.reprice]).toEqual(['HOLD', ['HOLD:NO_PREALERT'], null]);
    const heavy = decide({ manifest: null, measuredMass: mass('50', 'lb') });
    expect([heavy.decision, codes(heavy)]).toEqual(['RETURN', ['RETURN:OVERWEIGHT', 'HOLD:NO_PREALERT']]);
  });

  it.each([
    ['CN', 'missing', ['HOLD:ID_MISSING']],
    ['KR', 'missing', ['HOLD:ID_MISSING']],
    ['TW', 'missing', ['HOLD:ID_MISSING']],
    ['TW', 'invalid', ['HOLD:ID_INVALID']],
    ['CN', 'not_required', ['HOLD:ID_MISSING']], // CN always requires an ID, whatever the manifest says
    ['CN', 'received', []],
    ['JP', 'missing', []], // Japan requires no ID
    ['HK', 'invalid', []],
  ] as const)('%s with ID %s', (destination, status, expected) => {
    const v = decide({ manifest: manifest({ destination, consigneeIdStatus: status }) });
    expect(codes(v)).toEqual(expected);
    expect(v.decision).toBe(expected.length ? 'HOLD' : 'ACCEPT');
  });

  it('duties unpaid holds for any destination', () => {
    expect(codes(decide({ manifest: manifest({ destination: 'JP', consigneeIdStatus: 'not_required', dutiesStatus: 'unpaid' }) }))).toEqual(['HOLD:DUTIES_UNPAID']);
  });

  it('prohibited content returns, restricted holds, review only flags', () => {
    const it1 = (description: string, quantity = 1) => [{ description, quantity, valueMinor: 100, currency: 'USD' }];
    expect(codes(decide({ manifest: manifest({ destination: 'JP', consigneeIdStatus: 'not_required', items: it1('Power bank') }) }))).toEqual(['RETURN:PROHIBITED']);
    expect(codes(decide({ manifest: manifest({ destination: 'KR', items: it1('Vitamin C supplement', 8) }) }))).toEqual(['HOLD:RESTRICTED_DOCS']);
    const review = decide({ manifest: manifest({ destination: 'HK', consigneeIdStatus: 'not_required', items: it1('Bluetooth speaker') }) });
    expect([review.decision, codes(review)]).toEqual(['ACCEPT', ['FLAG:CONTENT_REVIEW']]);
    expect(codes(decide({ manifest: manifest({ destination: 'PH', consigneeIdStatus: 'not_required', items: it1('Gift') }) }))).toEqual(['HOLD:DECLARATION_INVALID']);
  });

  it('weight mismatch is only a flag: > 10 % and > 0.5 lb from the declared weight', () => {
    const declared = manifest({ declaredMass: mass('10', 'lb'), estimateMinor: 4850 });
    expect(codes(decide({ manifest: declared, measuredMass: mass('11', 'lb') }))).toEqual([]); // exactly 10 %: inside
    expect(codes(decide({ manifest: declared, measuredMass: mass('11.0001', 'lb') }))).toEqual(['FLAG:WEIGHT_MISMATCH']);
    expect(codes(decide({ manifest: declared, measuredMass: mass('8.9999', 'lb') }))).toEqual(['FLAG:WEIGHT_MISMATCH']);
    const light = manifest({ declaredMass: mass('2', 'lb'), estimateMinor: 1250 });
    expect(codes(decide({ manifest: light, measuredMass: mass('2.5', 'lb') }))).toEqual([]); // 25 % but only 0.5 lb
    expect(codes(decide({ manifest: light, measuredMass: mass('2.5001', 'lb') }))).toEqual(['FLAG:WEIGHT_MISMATCH']);
    expect(decide({ manifest: light, measuredMass: mass('6', 'lb') }).decision).toBe('ACCEPT');
  });

  it('the tolerance is configurable', () => {
    const ctx = { ...sampleContext('CN'), weightTolerance: { percent: '1', floor: { value: '10', unit: 'g' as const } } };
    expect(codes(decide({ context: ctx, measuredMass: mass('3.25', 'lb') }))).toEqual(['FLAG:WEIGHT_MISMATCH']);
  });

  it('destination not served: no card in force returns the parcel', () => {
    const ctx = { ...sampleContext('CN'), rateCard: null };
    const v = decide({ context: ctx });
    expect([v.decision, codes(v), v.reprice]).toEqual(['RETURN', ['RETURN:DESTINATION_NOT_SERVED'], null]);
  });

  it('orders reasons RETURN, HOLD, FLAG and keeps them all', () => {
    const m = manifest({
      destination: 'CN',
      consigneeIdStatus: 'missing',
      dutiesStatus: 'unpaid',
      items: [
        { description: 'Bluetooth speaker', quantity: 1, valueMinor: 100, currency: 'USD' },
        { description: 'Perfume', quantity: 1, valueMinor: 100, currency: 'USD' },
      ],
    });
    const v = decide({ manifest: m, measuredMass: mass('45', 'lb'), damaged: true });
    expect(v.decision).toBe('RETURN');
    expect(codes(v)).toEqual([
      'RETURN:OVERWEIGHT',
      'RETURN:DAMAGED_PACKAGING',
      'RETURN:PROHIBITED',
      'HOLD:ID_MISSING',
      'HOLD:DUTIES_UNPAID',
      'FLAG:CONTENT_REVIEW',
      'FLAG:WEIGHT_MISMATCH',
    ]);
    expect(v.reprice).toBeNull(); // a returned parcel is not repriced
  });

  it('a reason never gives an instruction its decision overrides', () => {
    const v = decide({ manifest: manifest({ consigneeIdStatus: 'missing' }), damaged: true });
    const id = v.reasons.find((r) => r.code === 'ID_MISSING');
    expect(id?.message).toBe("No consignee ID yet: China customs need the receiver's ID.");
    expect(v.reasons.find((r) => r.code === 'DAMAGED_PACKAGING')?.message).toMatch(/Return to sender\.$/);
    const held = decide({ manifest: manifest({ consigneeIdStatus: 'missing' }) });
    expect(held.reasons[0]?.message).toMatch(/released by itself when HQ receives the ID\.$/);
  });

  it('messages use the station display units', () => {
    const v = decide({ measuredMass: mass('50', 'lb'), display: { massUnit: 'kg', lengthUnit: 'cm' } });
    expect(v.reasons[0]?.message).toBe('Too heavy: it weighs 22.68 kg; the most ECMS accepts is 19.96 kg. Return to sender.');
  });
});

describe('reprice', () => {
  it('records the delta against the estimate, with every input', () => {
    const v = decide({ manifest: manifest({ estimateMinor: 1700 }), measuredMass: mass('3.2', 'lb') });
    expect(v.reprice?.deltaMinor).toBe(450);
    expect(v.reprice?.inputs).toMatchObject({ destination: 'CN', measuredMass: mass('3.2', 'lb'), estimateMinor: 1700, estimateCurrency: 'USD', pricedAt: AT, rateCardDocId: 'card-a-CN-2026-01' });
    expect(v.reprice?.inputs?.rateCard.tariff).toEqual({ kind: 'firstAdditional', firstWeight: '1', firstMinor: 800, step: '1', additionalMinor: 450 });
    expect(v.reprice?.trace?.at(-1)?.detail).toBe('total $21.50 (card-a-CN version 2026.1)');
  });

  it('held parcels are repriced too (they ship once released)', () => {
    expect(decide({ manifest: manifest({ consigneeIdStatus: 'missing' }) }).reprice?.priceMinor).toBe(2150);
  });

  it('an estimate in another currency cannot be compared: PRICE_UNAVAILABLE flag, no reprice', () => {
    const v = decide({ manifest: manifest({ currency: 'CNY' }) });
    expect([v.decision, codes(v), v.reprice]).toEqual(['ACCEPT', ['FLAG:PRICE_UNAVAILABLE'], null]);
    expect(v.reasons[0]?.message).toMatch(/estimate is in CNY/);
  });

  it('a weight beyond a step table is flagged, never priced by guess', () => {
    const ctx = sampleContext('CN');
    const card = RateCardSchema.parse({ ...ctx.rateCard?.card, tariff: { kind: 'steps', steps: [{ upTo: '2', priceMinor: 1000 }] } });
    const v = decide({ context: { ...ctx, rateCard: { docId: 'x', docVersion: '1', card } } });
    expect(codes(v)).toEqual(['FLAG:PRICE_UNAVAILABLE']);
  });
});

describe('misuse is a typed error', () => {
  it('a context for another destination', () => {
    expect(() => decideVerdict({ manifest: manifest({ destination: 'JP' }), measuredMass: mass('1', 'lb'), dims: null, damaged: false, context: sampleContext('CN') })).toThrow(RulesError);
  });
  it.each([0, -5, 1.5])('a measured mass of %s quanta', (q) => {
    try {
      decideVerdict({ manifest: null, measuredMass: q, dims: null, damaged: false, context: sampleContext(null) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      expect((e as RulesError).code).toBe('INVALID_MEASUREMENT');
    }
  });
});
