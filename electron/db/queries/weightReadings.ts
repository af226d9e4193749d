/**
 * Which scale reading an intake's current weight came from: read back from its latest WEIGHT_CAPTURED event
 * (IntakeService writes `reading` into that payload). Stored JSON is a trust boundary: it is parsed, and events
 * written before readings were recorded have none.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ScaleCaptureReadingSchema, type ScaleCaptureReading } from '../../../shared/contract/intakeView.ts';
import { prepared } from '../statementCache.ts';

const PayloadSchema = z.object({ source: z.enum(['scale', 'manual']), reading: ScaleCaptureReadingSchema.optional() });

export function scaleReadingOfIntake(db: Database, intakeId: string): ScaleCaptureReading | undefined {
  const row = prepared(db, "SELECT payload FROM events WHERE intake_id = ? AND type = 'WEIGHT_CAPTURED' ORDER BY seq DESC LIMIT 1")
    .get(intakeId) as { payload: string } | undefined;
  if (!row) return undefined;
  const parsed = PayloadSchema.safeParse(JSON.parse(row.payload));
  if (!parsed.success || parsed.data.source !== 'scale') return undefined;
  return parsed.data.reading;
}

/** The `reading` field of an intake view's weight: present for a scale weight whose reading was recorded. */
export function scaleReadingField(db: Database, row: { readonly intake_id: string; readonly mass_source: string | null }): { reading?: ScaleCaptureReading } {
  if (row.mass_source !== 'scale') return {};
  const reading = scaleReadingOfIntake(db, row.intake_id);
  return reading === undefined ? {} : { reading };
}
