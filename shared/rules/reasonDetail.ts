/**
 * The structured facts behind each verdict reason. Stored with the reason (optional field, added to the contract
 * compatibly) so the UI or a report can word it again (reasonText.ts) in the worker's display units.
 * Masses are quanta and lengths nanometres (shared/units).
 */
import { z } from 'zod';
import { DESTINATIONS } from '../manifest/destinations.ts';
import { SIZE_RULES } from './limits.ts';

const Mass = z.number().int();
const Length = z.number().int();
const Destination = z.enum(DESTINATIONS);

const ItemHit = {
  destination: Destination,
  /** 1-based item number on the manifest. */
  item: z.number().int().positive(),
  description: z.string(),
  quantity: z.number().int().positive(),
  /** The keyword or HS-code prefix that matched. */
  matched: z.string(),
  via: z.enum(['keyword', 'hsCode']),
  category: z.string(),
  ruleId: z.string(),
  ruleSetId: z.string(),
  note: z.string().optional(),
  /** Set when the rule only applies above a quantity (personal-use limits). */
  quantityOver: z.number().int().nonnegative().optional(),
};

export const ReasonDetailSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('OVERWEIGHT'), measured: Mass, limit: Mass }),
  z.object({
    code: z.literal('OVERSIZE'),
    rule: z.enum(SIZE_RULES),
    measured: Length,
    limit: Length,
    dims: z.object({ length: Length, width: Length, height: Length }),
  }),
  z.object({ code: z.literal('PROHIBITED'), ...ItemHit }),
  z.object({ code: z.literal('RESTRICTED_DOCS'), ...ItemHit }),
  z.object({ code: z.literal('CONTENT_REVIEW'), ...ItemHit }),
  z.object({
    code: z.literal('DECLARATION_INVALID'),
    item: z.number().int().positive(),
    description: z.string(),
    problem: z.enum(['non_english', 'vague']),
    /** non_english: the writing systems found, e.g. ["Chinese"]; vague: the vague words. */
    found: z.array(z.string()),
  }),
  z.object({ code: z.literal('ID_MISSING'), destination: Destination, manifestStatus: z.string() }),
  z.object({ code: z.literal('ID_INVALID'), destination: Destination }),
  z.object({ code: z.literal('DUTIES_UNPAID'), destination: Destination }),
  z.object({ code: z.literal('NO_PREALERT') }),
  z.object({ code: z.literal('DAMAGED_PACKAGING') }),
  z.object({ code: z.literal('DESTINATION_NOT_SERVED'), destination: Destination }),
  z.object({
    code: z.literal('WEIGHT_MISMATCH'),
    measured: Mass,
    declared: Mass,
    tolerancePercent: z.string(),
    toleranceFloor: Mass,
  }),
  z.object({
    code: z.literal('PRICE_UNAVAILABLE'),
    problem: z.enum(['beyond_rate_table', 'currency_mismatch']),
    explanation: z.string(),
  }),
  z.object({ code: z.literal('HOLD_EXPIRED'), heldAt: z.number().int(), days: z.number().int().nonnegative(), limitDays: z.number().int().positive() }),
]);
export type ReasonDetail = z.infer<typeof ReasonDetailSchema>;
