/**
 * Pricing worked out by hand (../shared/reference/domain.md §7.3–7.5); every expected figure below was computed on paper first.
 */
import { describe, expect, it } from 'vitest';
import { priceParcel, roundBillable } from '../../../shared/rules/pricing.ts';
import { RateCardSchema, type RateCard } from '../../../shared/rules/rateCard.ts';
import { QUANTA_PER } from '../../../shared/units/mass.ts';
import { cardA, dims, mass, sampleCard } from './ruleFixtures.ts';

function price(card: RateCard, m: ReturnType<typeof mass>, d: ReturnType<typeof dims> | null) {
  const r = priceParcel(card, { mass: m, dims: d });
  if (!r.ok) throw new Error(r.error.message);
  return r.quote;
}

describe('domain.md §7.5 worked examples', () => {
  it('12×10×8 in, 3.2 lb on card A CN: no side ≥ 18 in, so no DIM; 3.2 → 4 lb; $8 + 3 × $4.50 = $21.50', () => {
    const q = price(sampleCard('card-a-CN-2026-01'), mass('3.2', 'lb'), dims('12', '10', '8', 'in'));
    expect(q.dimStatus).toBe('not_triggered');
    expect(q.billableMass).toBe(mass('4', 'lb'));
    expect([q.freightMinor, q.fuelMinor, q.totalMinor]).toEqual([2150, 0, 2150]);
  });
  it('the same box has DIM 960/166 = 5.78 lb (shown even though not applied)', () => {
    const q = price(sampleCard('card-a-CN-2026-01'), mass('3.2', 'lb'), dims('12', '10', '8', 'in'));
    // 960 / 166 lb = 5.783132… lb, rounded up to a whole quantum.
    expect(q.dimMass).toBe(Number((960n * QUANTA_PER.lb + 165n) / 166n));
    expect(q.trace.find((t) => t.rule === 'dimWeight')?.detail).toContain('960 in³ ÷ 166 = 5.7831 lb');
  });
  it('with /139 the same box is 6.91 → 7 lb', () => {
    const card = cardA({ dimWeight: { lengthUnit: 'in', divisor: 139, trigger: { kind: 'always' }, dimensionRounding: 'exact' } });
    const q = price(card, mass('3.2', 'lb'), dims('12', '10', '8', 'in'));
    expect(q.dimStatus).toBe('applied');
    expect(q.billableMass).toBe(mass('7', 'lb'));
    expect(q.totalMinor).toBe(800 + 6 * 450);
  });
  it('20×14×10 in, 6.0 lb on card A JP: side 20 ≥ 18 → DIM 2800/166 = 16.87 → 17 lb; $10 + 16 × $5 = $90.00', () => {
    const q = price(sampleCard('card-a-JP-2026-01'), mass('6.0', 'lb'), dims('20', '14', '10', 'in'));
    expect(q.dimStatus).toBe('applied');
    expect(q.billableMass).toBe(mass('17', 'lb'));
    expect(q.totalMinor).toBe(9000);
  });
  it('30×25×20 cm, 1.8 kg on card B KR: DIM 15000/6000 = 2.5 kg; $10 + 4 × $5 = $30.00, + 8.5 % fuel = $32.55', () => {
    const q = price(sampleCard('card-b-KR-2026-01'), mass('1.8', 'kg'), dims('30', '25', '20', 'cm'));
    expect(q.billableMass).toBe(mass('2.5', 'kg'));
    expect([q.freightMinor, q.fuelMinor, q.totalMinor]).toEqual([3000, 255, 3255]);
  });
});

describe('card A table (domain.md §7.3): 5, 10 and 44 lb for every destination', () => {
  it.each([
    ['CN', 2600, 4850, 20150],
    ['HK', 2500, 4500, 18100],
    ['TW', 2950, 5450, 22450],
    ['KR', 2700, 4950, 20250],
    ['JP', 3000, 5500, 22500],
    ['SG', 3300, 6050, 24750],
    ['MY', 3300, 6050, 24750],
    ['TH', 3600, 6600, 27000],
    ['PH', 3800, 7050, 29150],
  ] as const)('%s', (dest, p5, p10, p44) => {
    const card = sampleCard(`card-a-${dest}-2026-01`);
    expect([5, 10, 44].map((lb) => price(card, mass(String(lb), 'lb'), null).totalMinor)).toEqual([p5, p10, p44]);
  });
});

describe('card B table (domain.md §7.4): 1, 5 and 20 kg freight, then fuel', () => {
  it.each([
    ['CN', 1380, 5220, 19620],
    ['JP', 1620, 5780, 21380],
    ['KR', 1500, 5500, 20500],
    ['TW', 1570, 5730, 21330], // TW is written as a step table: same prices
  ] as const)('%s', (dest, p1, p5, p20) => {
    const card = sampleCard(`card-b-${dest}-2026-01`);
    const freights = ['1', '5', '20'].map((kg) => price(card, mass(kg, 'kg'), null).freightMinor);
    expect(freights).toEqual([p1, p5, p20]);
  });
  it('fuel is 8.5 % rounded half up to the cent: $13.80 → $1.173 → $1.17; $15.70 → $1.3345 → $1.33; $52.20 → $4.437 → $4.44', () => {
    expect(price(sampleCard('card-b-CN-2026-01'), mass('1', 'kg'), null).fuelMinor).toBe(117);
    expect(price(sampleCard('card-b-TW-2026-01'), mass('1', 'kg'), null).fuelMinor).toBe(133);
    expect(price(sampleCard('card-b-CN-2026-01'), mass('5', 'kg'), null).fuelMinor).toBe(444);
  });
  it('an exact half cent rounds up: 10 % of $0.05 = 0.5 ¢ → 1 ¢', () => {
    const card = cardA({ fuelPercent: '10', tariff: { kind: 'firstAdditional', firstWeight: '1', firstMinor: 5, step: '1', additionalMinor: 0 } });
    expect(price(card, mass('1', 'lb'), null).fuelMinor).toBe(1);
  });
});

describe('rounding', () => {
  const card = sampleCard('card-a-CN-2026-01');
  it.each([
    ['2.09', '2'], // grace: 0.09 < 0.1 is forgiven
    ['2.0999', '2'],
    ['2.10', '3'], // 0.10 is not below the grace
    ['2.1', '3'],
    ['2', '2'],
    ['2.0001', '2'],
    ['0.05', '1'], // rounds to 0, then the 1 lb minimum
    ['0.0001', '1'],
    ['1.1', '2'],
    ['43.09', '43'],
    ['43.1', '44'],
  ] as const)('card A: %s lb → %s lb billable', (actual, billable) => {
    expect(price(card, mass(actual, 'lb'), null).billableMass).toBe(mass(billable, 'lb'));
  });
  it.each([
    ['0.1', '0.5'],
    ['0.5', '0.5'],
    ['0.5001', '1'],
    ['1.36', '1.5'], // allthatworld example: 1.36 kg → 1.5 kg
    ['1.5', '1.5'],
    ['19.95806428', '20'], // 44 lb
  ] as const)('card B: %s kg → %s kg billable (0.5 kg up, no grace)', (actual, billable) => {
    expect(price(sampleCard('card-b-KR-2026-01'), mass(actual, 'kg'), null).billableMass).toBe(mass(billable, 'kg'));
  });
  it('rounds an exact fraction without losing the remainder (roundBillable)', () => {
    // 5/3 quanta with increment 1 quantum → 2; with grace 1 quantum the remainder 2/3 < 1 is forgiven → 1.
    expect(roundBillable(5n, 3n, 1n, 0n)).toBe(2n);
    expect(roundBillable(5n, 3n, 1n, 1n)).toBe(1n);
    expect(roundBillable(6n, 3n, 1n, 0n)).toBe(2n);
  });
  it('a card minimum above the first increment raises light parcels', () => {
    const c = RateCardSchema.parse({ ...sampleCard('card-b-KR-2026-01'), rounding: { increment: '0.5', grace: '0', minimum: '1' } });
    const q = price(c, mass('0.2', 'kg'), null);
    expect(q.billableMass).toBe(mass('1', 'kg'));
    expect(q.freightMinor).toBe(1500); // 4dalla-style 1.0 kg minimum
  });
});

describe('DIM triggers and dimension rounding', () => {
  it('anySideAtLeast is inclusive: a side of exactly 18 in triggers, 17.9999 does not', () => {
    const card = sampleCard('card-a-CN-2026-01');
    expect(price(card, mass('1', 'lb'), dims('18', '17', '12', 'in')).dimStatus).toBe('applied');
    const c2 = cardA({ dimWeight: { lengthUnit: 'in', divisor: 166, trigger: { kind: 'anySideAtLeast', side: { value: '18', unit: 'in' } }, dimensionRounding: 'exact' } });
    expect(price(c2, mass('1', 'lb'), dims('17.9999', '17', '12', 'in')).dimStatus).toBe('not_triggered');
  });
  it('ceilWholeUnit rounds each side up first: 17.2 in counts as 18 in (triggers, and 18×18×18/166 = 35.13 → 36 lb)', () => {
    const q = price(sampleCard('card-a-CN-2026-01'), mass('1', 'lb'), dims('17.2', '17.2', '17.2', 'in'));
    expect(q.dimStatus).toBe('applied');
    expect(q.billableMass).toBe(mass('36', 'lb'));
  });
  it('volumeAbove is strict: 1728 in³ does not trigger, 1728.0001 does', () => {
    const c = cardA({ dimWeight: { lengthUnit: 'in', divisor: 166, trigger: { kind: 'volumeAbove', volume: '1728', unit: 'in' }, dimensionRounding: 'exact' } });
    expect(price(c, mass('1', 'lb'), dims('12', '12', '12', 'in')).dimStatus).toBe('not_triggered');
    expect(price(c, mass('1', 'lb'), dims('12.0001', '12', '12', 'in')).dimStatus).toBe('applied');
  });
  it('DIM below the actual weight is not used', () => {
    const q = price(sampleCard('card-a-KR-2026-01'), mass('44', 'lb'), dims('59', '12', '10', 'in'));
    expect(q.dimStatus).toBe('below_actual'); // 7080/166 = 42.65 lb < 44 lb
    expect(q.totalMinor).toBe(20250);
  });
  it('no dimensions measured: priced on the actual weight, and the trace says so', () => {
    const q = price(sampleCard('card-b-KR-2026-01'), mass('1.8', 'kg'), null);
    expect(q.dimStatus).toBe('not_measured');
    expect(q.billableMass).toBe(mass('2', 'kg'));
    expect(q.trace.find((t) => t.rule === 'dimWeight')?.detail).toMatch(/no dimensions measured/);
  });
  it('a card without a DIM rule ignores the size', () => {
    const q = price(cardA({ dimWeight: null }), mass('1', 'lb'), dims('50', '50', '50', 'in'));
    expect([q.dimStatus, q.dimMass, q.totalMinor]).toEqual(['no_dim_rule', null, 800]);
  });
  it('the same box measured in cm or in gives the same DIM on a metric card (exact conversion)', () => {
    const card = sampleCard('card-b-JP-2026-01');
    // 50.8 × 38.1 × 25.4 cm = 20 × 15 × 10 in = 49 161.192 cm³ / 6000 = 8.19 kg → 8.5 kg.
    const a = price(card, mass('1', 'kg'), dims('50.8', '38.1', '25.4', 'cm'));
    const b = price(card, mass('1', 'kg'), dims('20', '15', '10', 'in'));
    expect(a.billableMass).toBe(mass('8.5', 'kg'));
    expect(b).toEqual(a);
  });
});

describe('step tables', () => {
  const steps = (beyond?: { step: string; additionalMinor: number }) =>
    cardA({
      tariff: { kind: 'steps', steps: [{ upTo: '1', priceMinor: 700 }, { upTo: '2', priceMinor: 1200 }, { upTo: '5', priceMinor: 2000 }], ...(beyond ? { beyond } : {}) },
    });
  it.each([
    ['0.5', 700],
    ['1', 700],
    ['1.1', 1200], // 1.1 lb → 2 lb band
    ['2.09', 1200], // grace keeps it at 2 lb
    ['3', 2000],
    ['5', 2000],
  ] as const)('%s lb → %i', (lb, minor) => {
    expect(price(steps(), mass(lb, 'lb'), null).totalMinor).toBe(minor);
  });
  it('beyond the last band: per extra step', () => {
    expect(price(steps({ step: '1', additionalMinor: 300 }), mass('7', 'lb'), null).totalMinor).toBe(2000 + 2 * 300);
  });
  it('beyond the last band without a "beyond" rule is a typed error, not a made-up price', () => {
    const r = priceParcel(steps(), { mass: mass('6', 'lb'), dims: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('BEYOND_RATE_TABLE');
  });
});

describe('the trace names every rule applied, in order', () => {
  it('card B KR example', () => {
    const q = price(sampleCard('card-b-KR-2026-01'), mass('1.8', 'kg'), dims('30', '25', '20', 'cm'));
    expect(q.trace.map((t) => t.rule)).toEqual(['actualWeight', 'dimWeight', 'chargeableWeight', 'rounding', 'minimum', 'tariff', 'fuel', 'total']);
    expect(q.trace.map((t) => t.detail)).toEqual([
      'actual weight 1.8 kg',
      'DIM 30 × 25 × 20 cm = 15000 cm³ ÷ 6000 = 2.5 kg; applies (DIM applies to every parcel) and is above the actual weight',
      'chargeable weight 2.5 kg (DIM, the larger of actual and DIM)',
      'rounded up to 0.5 kg steps: 2.5 kg',
      'minimum 0.5 kg: no change',
      '2.5 kg: first 0.5 kg $10.00 + 4 × $5.00 per 0.5 kg = $30.00',
      'fuel 8.5% of $30.00 = $2.55 (rounded half up to the minor unit)',
      'total $32.55 (card-b-KR version 2026.1)',
    ]);
  });
});
