/**
 * Repricing: the price at the measured weight and size, compared with the manifest's estimate. The record keeps
 * every input (weight, size, estimate, instant, the whole rate card) so reproduceReprice() can recompute it exactly
 * later, from the stored record alone.
 */
import type { Dimensions } from '../units/length.ts';
import type { MassQ } from '../units/mass.ts';
import type { ManifestEntry } from '../manifest/manifestEntry.ts';
import { priceParcel, type PriceError } from './pricing.ts';
import type { RateCardRef } from './rateCard.ts';
import type { RepriceInputs } from './repriceInputs.ts';
import type { Reprice } from './verdict.ts';

export type RepriceOutcome =
  | { readonly ok: true; readonly reprice: Reprice }
  | { readonly ok: false; readonly problem: 'beyond_rate_table' | 'currency_mismatch'; readonly explanation: string; readonly priceError?: PriceError };

export function computeReprice(inputs: RepriceInputs): RepriceOutcome {
  const card = inputs.rateCard;
  if (inputs.estimateCurrency !== card.currency) {
    return {
      ok: false,
      problem: 'currency_mismatch',
      explanation: `the manifest estimate is in ${inputs.estimateCurrency} but rate card ${card.cardId} ${card.version} prices in ${card.currency}`,
    };
  }
  const priced = priceParcel(card, { mass: inputs.measuredMass, dims: inputs.dims });
  if (!priced.ok) return { ok: false, problem: 'beyond_rate_table', explanation: priced.error.message, priceError: priced.error };
  const q = priced.quote;
  return {
    ok: true,
    reprice: {
      currency: card.currency,
      estimateMinor: inputs.estimateMinor,
      priceMinor: q.totalMinor,
      deltaMinor: q.totalMinor - inputs.estimateMinor,
      billableMass: q.billableMass,
      rateCardId: card.cardId,
      rateCardVersion: card.version,
      freightMinor: q.freightMinor,
      fuelMinor: q.fuelMinor,
      inputs,
      trace: [...q.trace],
    },
  };
}

export function repriceParcel(manifest: ManifestEntry, measuredMass: MassQ, dims: Dimensions | null, rateCard: RateCardRef, pricedAt: number): RepriceOutcome {
  return computeReprice({
    destination: manifest.destination,
    measuredMass,
    dims: dims === null ? null : { length: dims.length, width: dims.width, height: dims.height },
    estimateMinor: manifest.estimateMinor,
    estimateCurrency: manifest.currency,
    pricedAt,
    rateCardDocId: rateCard.docId,
    rateCardDocVersion: rateCard.docVersion,
    rateCard: rateCard.card,
  });
}

export type ReproduceResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'INPUTS_MISSING' | 'NOT_REPRODUCIBLE' | 'MISMATCH'; readonly message: string };

/** Recomputes a stored reprice from its own inputs and checks every figure matches. */
export function reproduceReprice(stored: Reprice): ReproduceResult {
  if (!stored.inputs) return { ok: false, code: 'INPUTS_MISSING', message: 'this reprice was stored without its inputs' };
  const again = computeReprice(stored.inputs);
  if (!again.ok) return { ok: false, code: 'NOT_REPRODUCIBLE', message: again.explanation };
  const r = again.reprice;
  const fields = ['currency', 'estimateMinor', 'priceMinor', 'deltaMinor', 'billableMass', 'rateCardId', 'rateCardVersion', 'freightMinor', 'fuelMinor'] as const;
  const differing = fields.filter((f) => stored[f] !== undefined && stored[f] !== r[f]);
  return differing.length === 0 ? { ok: true } : { ok: false, code: 'MISMATCH', message: `recomputed ${differing.map((f) => `${f} ${String(r[f])} ≠ stored ${String(stored[f])}`).join(', ')}` };
}
