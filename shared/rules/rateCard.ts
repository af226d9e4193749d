/**
 * A rate card: how ECMS prices one destination, versioned with effective dates and delivered by HQ as a reference
 * document (kind "rateCard"). Two tariff shapes (../shared/reference/domain.md §2.1): first weight + each additional step, or a full step
 * table. Weights in the card are decimal text in the card's weightUnit and must convert exactly; money is integer
 * minor units of the card's currency. HQ validates imports with RateCardSchema; the station validates again on load.
 */
import { z } from 'zod';
import { DESTINATIONS, WAREHOUSES } from '../manifest/destinations.ts';
import { LENGTH_UNITS } from '../units/length.ts';
import { massFromDecimal } from '../units/mass.ts';
import { DecimalTextSchema, LengthAmountSchema } from './amounts.ts';
import { LimitsConfigSchema } from './limits.ts';
import { CURRENCIES } from './money.ts';

export const RATE_WEIGHT_UNITS = ['lb', 'kg'] as const;
export type RateWeightUnit = (typeof RATE_WEIGHT_UNITS)[number];

const Minor = z.number().int().nonnegative().max(100_000_000);
const IsoInstant = z.iso.datetime({ offset: true });

export const DimTriggerSchema = z.discriminatedUnion('kind', [
  /** DIM weight always counts (express, most e-commerce lines). */
  z.object({ kind: z.literal('always') }),
  /** DIM weight counts only when some side is at least this long (FedRoad: any side ≥ 18 in). Inclusive. */
  z.object({ kind: z.literal('anySideAtLeast'), side: LengthAmountSchema }),
  /** DIM weight counts only when the volume is strictly above this many cubic units (USPS: > 1 ft³ = 1728 in³). */
  z.object({ kind: z.literal('volumeAbove'), volume: DecimalTextSchema, unit: z.enum(LENGTH_UNITS) }),
]);
export type DimTrigger = z.infer<typeof DimTriggerSchema>;

export const DimWeightSchema = z.object({
  /** DIM = L × W × H (in lengthUnit) / divisor, in the card's weightUnit; e.g. in + 166 → lb, cm + 6000 → kg. */
  lengthUnit: z.enum(LENGTH_UNITS),
  divisor: z.number().int().positive().max(1_000_000),
  trigger: DimTriggerSchema,
  /** "ceilWholeUnit": each side is rounded up to a whole lengthUnit first (UPS/FedEx practice); "exact": as measured. */
  dimensionRounding: z.enum(['exact', 'ceilWholeUnit']),
});
export type DimWeightRule = z.infer<typeof DimWeightSchema>;

export const TariffSchema = z.discriminatedUnion('kind', [
  /** First `firstWeight` costs firstMinor; each further `step` (or part of it) costs additionalMinor. */
  z.object({
    kind: z.literal('firstAdditional'),
    firstWeight: DecimalTextSchema,
    firstMinor: Minor,
    step: DecimalTextSchema,
    additionalMinor: Minor,
  }),
  /** Price of every weight band up to `upTo` (inclusive); beyond the last band, optional per-step pricing. */
  z.object({
    kind: z.literal('steps'),
    steps: z.array(z.object({ upTo: DecimalTextSchema, priceMinor: Minor })).min(1).max(500),
    beyond: z.object({ step: DecimalTextSchema, additionalMinor: Minor }).optional(),
  }),
]);
export type Tariff = z.infer<typeof TariffSchema>;

export const RateCardSchema = z
  .object({
    /** Groups the versions of one card, e.g. "card-a-CN". */
    cardId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    name: z.string().min(1).max(120),
    version: z.string().min(1).max(50),
    destination: z.enum(DESTINATIONS),
    /** Warehouses this card prices for; absent = every warehouse. A warehouse-specific card beats a general one. */
    warehouses: z.array(z.enum(WAREHOUSES)).min(1).optional(),
    /** In force from this instant (inclusive) … */
    effectiveFrom: IsoInstant,
    /** … until this instant (exclusive); absent = until replaced. */
    effectiveTo: IsoInstant.optional(),
    currency: z.enum(CURRENCIES),
    weightUnit: z.enum(RATE_WEIGHT_UNITS),
    rounding: z.object({
      /** Billable weight is rounded UP to a multiple of this (1 lb, 0.5 kg). */
      increment: DecimalTextSchema,
      /** A remainder strictly below the grace is forgiven (0.1 lb: 2.09 → 2, 2.10 → 3). "0" for none. */
      grace: DecimalTextSchema,
      /** Billable weight is at least this (after rounding). */
      minimum: DecimalTextSchema,
    }),
    /** null: the card never applies dimensional weight. */
    dimWeight: DimWeightSchema.nullable(),
    tariff: TariffSchema,
    /** Fuel surcharge on the freight, in percent ("8.5"); rounded half up to the minor unit. "0" for all-in cards. */
    fuelPercent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as 0 or 8.5'),
    /** Acceptance limits for this destination; absent = the ECMS defaults (44 lb, 59 in longest side). */
    limits: LimitsConfigSchema.optional(),
    sample: z.boolean().optional(),
    notes: z.string().max(1000).optional(),
  })
  .superRefine((card, ctx) => {
    const unit = card.weightUnit;
    const exact = (text: string, path: (string | number)[], positive: boolean) => {
      const q = massFromDecimal(text, unit);
      if (q === null) ctx.addIssue({ code: 'custom', path, message: `${text} ${unit} is not an exact weight` });
      else if (positive && q <= 0) ctx.addIssue({ code: 'custom', path, message: 'must be more than zero' });
      return q;
    };
    const inc = exact(card.rounding.increment, ['rounding', 'increment'], true);
    const grace = exact(card.rounding.grace, ['rounding', 'grace'], false);
    exact(card.rounding.minimum, ['rounding', 'minimum'], false);
    if (inc !== null && grace !== null && grace >= inc) {
      ctx.addIssue({ code: 'custom', path: ['rounding', 'grace'], message: 'the grace must be smaller than the increment' });
    }
    if (card.effectiveTo !== undefined && Date.parse(card.effectiveTo) <= Date.parse(card.effectiveFrom)) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo must be after effectiveFrom' });
    }
    const t = card.tariff;
    if (t.kind === 'firstAdditional') {
      exact(t.firstWeight, ['tariff', 'firstWeight'], true);
      exact(t.step, ['tariff', 'step'], true);
    } else {
      let prevUpTo: number | null = null;
      let prevPrice = -1;
      t.steps.forEach((s, i) => {
        const q = exact(s.upTo, ['tariff', 'steps', i, 'upTo'], true);
        if (q !== null && prevUpTo !== null && q <= prevUpTo) {
          ctx.addIssue({ code: 'custom', path: ['tariff', 'steps', i, 'upTo'], message: 'bands must go up strictly' });
        }
        // A heavier band never costs less: the price never decreases as weight grows.
        if (s.priceMinor < prevPrice) {
          ctx.addIssue({ code: 'custom', path: ['tariff', 'steps', i, 'priceMinor'], message: 'a heavier band may not cost less' });
        }
        if (q !== null) prevUpTo = q;
        prevPrice = s.priceMinor;
      });
      if (t.beyond) exact(t.beyond.step, ['tariff', 'beyond', 'step'], true);
    }
  });
export type RateCard = z.infer<typeof RateCardSchema>;

/** A parsed card with the reference document it came from. */
export interface RateCardRef {
  readonly docId: string;
  readonly docVersion: string;
  readonly card: RateCard;
}

export type RateCardSelection =
  | { readonly kind: 'found'; readonly ref: RateCardRef }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly docIds: readonly string[] };

/** Whether a card is in force at `at` (epoch ms): effectiveFrom ≤ at < effectiveTo. */
export function isInEffect(card: RateCard, at: number): boolean {
  if (Date.parse(card.effectiveFrom) > at) return false;
  return card.effectiveTo === undefined || at < Date.parse(card.effectiveTo);
}

/**
 * The card that prices `destination` at `warehouse` at instant `at`:
 *   1. only cards for that destination, in force at `at`, and listing that warehouse (or no warehouse);
 *   2. a warehouse-specific card beats a general one;
 *   3. then the latest effectiveFrom wins (a new version supersedes the old one without deleting it);
 *   4. two cards still tied → "ambiguous" (HQ data error; never picked silently).
 */
export function selectRateCard(
  cards: readonly RateCardRef[],
  destination: string,
  warehouse: string,
  at: number,
): RateCardSelection {
  const candidates = cards.filter(
    (r) => r.card.destination === destination && isInEffect(r.card, at) && (r.card.warehouses === undefined || r.card.warehouses.some((w) => w === warehouse)),
  );
  if (candidates.length === 0) return { kind: 'none' };
  const rank = (r: RateCardRef): [number, number] => [r.card.warehouses === undefined ? 0 : 1, Date.parse(r.card.effectiveFrom)];
  const sorted = [...candidates].sort((a, b) => {
    const [sa, ea] = rank(a);
    const [sb, eb] = rank(b);
    return sb - sa || eb - ea;
  });
  const [best, second] = sorted;
  if (!best) return { kind: 'none' };
  if (second) {
    const [s1, e1] = rank(best);
    const [s2, e2] = rank(second);
    if (s1 === s2 && e1 === e2) {
      return { kind: 'ambiguous', docIds: sorted.filter((r) => rank(r)[0] === s1 && rank(r)[1] === e1).map((r) => r.docId) };
    }
  }
  return { kind: 'found', ref: best };
}
