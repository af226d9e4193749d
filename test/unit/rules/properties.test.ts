/**
 * Property tests (fast-check): price never decreases as weight grows; billable ≥ actual (up to the card's grace);
 * converting units never changes a verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESTINATIONS, type Destination } from '../../../shared/manifest/destinations.ts';
import { decideVerdict } from '../../../shared/rules/decideVerdict.ts';
import { priceParcel } from '../../../shared/rules/pricing.ts';
import { RateCardSchema, type RateCard } from '../../../shared/rules/rateCard.ts';
import { formatLength, lengthFromDecimal, type Dimensions } from '../../../shared/units/length.ts';
import { QUANTA_PER, formatMass, massFromDecimal, type MassUnit } from '../../../shared/units/mass.ts';
import { formatScaled } from '../../../shared/units/decimal.ts';
import { manifest, sampleContext, sampleReferenceDocs } from './ruleFixtures.ts';

const cards: RateCard[] = sampleReferenceDocs()
  .filter((d) => d.kind === 'rateCard')
  .map((d) => RateCardSchema.parse(d.body));

const LB = Number(QUANTA_PER.lb);
/** Masses from a few quanta to 60 lb, with extra weight near the whole-lb and half-kg steps. */
const massQ = fc.oneof(
  fc.integer({ min: 1, max: 60 * 10_000 }).map((tenThousandths) => tenThousandths * (LB / 10_000)), // LB / 10 000 is an integer
  fc.bigInt({ min: 1n, max: 60n * QUANTA_PER.lb }).map(Number),
);
const side = fc.integer({ min: 10_000, max: 700_000 }).map((tenThousandthsIn) => tenThousandthsIn * 2540); // 1–70 in, in nm (0.0001 in = 2540 nm)
const dimsArb: fc.Arbitrary<Dimensions | null> = fc.option(fc.record({ length: side, width: side, height: side }), { nil: null });
const cardArb = fc.constantFrom(...cards);

describe('pricing properties', () => {
  it('the price never decreases as the weight grows (same card, same box)', () => {
    fc.assert(
      fc.property(cardArb, massQ, massQ, dimsArb, (card, a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = priceParcel(card, { mass: lo, dims: d });
        const pHi = priceParcel(card, { mass: hi, dims: d });
        if (!pHi.ok) return true; // beyond a step table: nothing to compare
        expect(pLo.ok).toBe(true); // a lighter parcel is never beyond the table when a heavier one is not
        if (pLo.ok) expect(pLo.quote.totalMinor).toBeLessThanOrEqual(pHi.quote.totalMinor);
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('billable ≥ actual on cards without grace; billable + grace > actual on cards with one; and billable is a whole number of increments ≥ the minimum', () => {
    fc.assert(
      fc.property(cardArb, massQ, dimsArb, (card, m, d) => {
        const r = priceParcel(card, { mass: m, dims: d });
        if (!r.ok) return true;
        const unit = card.weightUnit;
        const grace = massFromDecimal(card.rounding.grace, unit) ?? 0;
        const inc = massFromDecimal(card.rounding.increment, unit) ?? 1;
        const min = massFromDecimal(card.rounding.minimum, unit) ?? 0;
        const billable = r.quote.billableMass;
        if (grace === 0) expect(billable).toBeGreaterThanOrEqual(m);
        expect(billable + grace).toBeGreaterThan(m);
        expect(billable % inc).toBe(0);
        expect(billable).toBeGreaterThanOrEqual(min);
        // DIM counts too: billable covers max(actual, DIM) up to the grace.
        if (r.quote.dimStatus === 'applied' && r.quote.dimMass !== null) expect(billable + grace).toBeGreaterThanOrEqual(r.quote.dimMass);
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('the grace rule really lets billable fall below actual (so the property above is not vacuous)', () => {
    const cardA = cards.find((c) => c.cardId === 'card-a-CN' && c.version === '2026.1');
    const r = cardA && priceParcel(cardA, { mass: massFromDecimal('2.09', 'lb') ?? 0, dims: null });
    expect(r?.ok && r.quote.billableMass < (massFromDecimal('2.09', 'lb') ?? 0)).toBe(true);
  });
});

/** Exact text of a mass in another unit: lb with ≤ 4 decimals is exact in kg (12), g (9) and oz (4). */
const DECIMALS: Record<MassUnit, number> = { lb: 4, kg: 12, g: 9, oz: 4 };

describe('converting units never changes a verdict', () => {
  // Weights in ten-thousandths of a pound, biased to the 44 lb limit and the 0.5 lb / 10 % tolerance edges.
  const lbTenThousandths = fc.oneof(
    fc.integer({ min: 1, max: 600_000 }),
    fc.integer({ min: 439_900, max: 440_100 }),
    fc.integer({ min: 30_000, max: 38_000 }),
  );
  // Sides in ten-thousandths of an inch, biased to 59 in and to 18 in (card A's DIM trigger).
  const inTenThousandths = fc.oneof(fc.integer({ min: 10_000, max: 700_000 }), fc.integer({ min: 589_900, max: 590_100 }), fc.integer({ min: 179_900, max: 180_100 }));
  const destination = fc.constantFrom<Destination>(...DESTINATIONS);

  it('the same parcel typed in lb/in or in kg, g, oz and cm gets the same verdict', () => {
    fc.assert(
      fc.property(
        destination,
        fc.constantFrom<'LAX' | 'CHI'>('LAX', 'CHI'),
        lbTenThousandths,
        fc.tuple(inTenThousandths, inTenThousandths, inTenThousandths),
        fc.constantFrom<MassUnit>('kg', 'g', 'oz'),
        fc.boolean(),
        (dest, warehouse, w, sides, otherUnit, damaged) => {
          const lbText = formatScaled(BigInt(w), 4);
          const q = massFromDecimal(lbText, 'lb');
          if (q === null) throw new Error(lbText);
          const converted = formatMass(q, otherUnit, DECIMALS[otherUnit]);
          const q2 = massFromDecimal(converted, otherUnit);
          expect(q2).toBe(q); // the conversion is exact

          const inTexts = sides.map((s) => formatScaled(BigInt(s), 4));
          const dIn = inTexts.map((t) => lengthFromDecimal(t, 'in'));
          const cmTexts = dIn.map((nm) => formatLength(nm ?? 0, 'cm', 6));
          const dCm = cmTexts.map((t) => lengthFromDecimal(t, 'cm'));
          expect(dCm).toEqual(dIn);

          const m = manifest({ destination: dest, warehouse, consigneeIdStatus: 'received', declaredMass: q });
          const context = sampleContext(dest, warehouse);
          const asDims = (xs: (number | null)[]): Dimensions => ({ length: xs[0] ?? 0, width: xs[1] ?? 0, height: xs[2] ?? 0 });
          const a = decideVerdict({ manifest: m, measuredMass: q, dims: asDims(dIn), damaged, context });
          const b = decideVerdict({ manifest: m, measuredMass: q2 ?? 0, dims: asDims(dCm), damaged, context });
          expect(b).toEqual(a);
          return true;
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the display units change the words, never the decision, the codes or the price', () => {
    fc.assert(
      fc.property(destination, lbTenThousandths, (dest, w) => {
        const q = massFromDecimal(formatScaled(BigInt(w), 4), 'lb') ?? 1;
        const m = manifest({ destination: dest, declaredMass: LB * 3 });
        const context = sampleContext(dest);
        const a = decideVerdict({ manifest: m, measuredMass: q, dims: null, damaged: false, context, display: { massUnit: 'lb', lengthUnit: 'in' } });
        const b = decideVerdict({ manifest: m, measuredMass: q, dims: null, damaged: false, context, display: { massUnit: 'kg', lengthUnit: 'cm' } });
        expect([b.decision, b.reasons.map((r) => [r.code, r.effect, r.detail]), b.reprice]).toEqual([a.decision, a.reasons.map((r) => [r.code, r.effect, r.detail]), a.reprice]);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
