/**
 * Everything a reprice depends on, stored with the verdict: the measured weight and size, the manifest's estimate and
 * the WHOLE rate card in force. reproduceReprice() recomputes the price from this record alone, even after HQ has
 * replaced the card.
 */
import { z } from 'zod';
import { DESTINATIONS } from '../manifest/destinations.ts';
import { RateCardSchema } from './rateCard.ts';

export const RepriceInputsSchema = z.object({
  destination: z.enum(DESTINATIONS),
  measuredMass: z.number().int().positive(),
  dims: z.object({ length: z.number().int().positive(), width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
  estimateMinor: z.number().int().nonnegative(),
  estimateCurrency: z.string().length(3),
  /** When the price was worked out (epoch ms); the card was selected for this instant. */
  pricedAt: z.number().int(),
  rateCardDocId: z.string(),
  rateCardDocVersion: z.string(),
  rateCard: RateCardSchema,
});
export type RepriceInputs = z.infer<typeof RepriceInputsSchema>;
