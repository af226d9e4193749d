/**
 * The hold shelf as the UI sees it: holds grouped by age bucket (shared/rules/holdAging.ts), and batch outcomes.
 */
import { z } from 'zod';
import { DESTINATIONS } from '../manifest/destinations.ts';
import { REASON_CODES } from '../rules/reasonCodes.ts';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH } from './limits.ts';
import { workerText } from './safeText.ts';

export const HoldListingSchema = z.object({
  holdId: z.string(),
  intakeId: z.string(),
  waybill: z.string().nullable(),
  destination: z.enum(DESTINATIONS).nullable(),
  location: z.string(),
  reasons: z.array(z.object({ code: z.enum(REASON_CODES), message: z.string() })).readonly(),
  heldAt: z.number(),
  ageDays: z.number(),
  expiresAt: z.number(),
  bucket: z.string(),
});

export const HoldBucketGroupSchema = z.object({
  bucket: z.string(),
  label: z.string(),
  holds: z.array(HoldListingSchema).readonly(),
});

export const HoldBatchRequestSchema = z.object({
  commandId: z.string().uuid(),
  /** Hold ids are UUIDs; 64 characters bounds each (and so the whole request). */
  holdIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  note: workerText({ min: NOTE_MIN_LENGTH, max: NOTE_MAX_LENGTH, multiline: true }),
});

export const HoldBatchResultSchema = z.object({
  batchId: z.string(),
  items: z.array(z.object({ holdId: z.string(), outcome: z.string() })).readonly(),
});
