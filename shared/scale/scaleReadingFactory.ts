/**
 * The last step of every parser: builds reading / indication events and validates them against the shared schemas
 * (device frames are a trust boundary). A candidate that fails validation becomes a `rejected` event, never a reading.
 */
import { ScaleReadingSchema, type ScaleReading, type ScaleStatus } from './reading.ts';
import { ScaleIndicationSchema, type ScaleCondition } from './scaleIndication.ts';
import type { ScaleParseEvent } from './scaleParseEvent.ts';

export function readingEvent(candidate: ScaleReading): ScaleParseEvent {
  const parsed = ScaleReadingSchema.safeParse(candidate);
  // A negative mass is only meaningful below zero; anything else would be a parser bug, so refuse it loudly.
  if (!parsed.success || (parsed.data.value < 0 && parsed.data.status !== 'underZero')) {
    return { type: 'rejected', code: 'malformed', byteCount: 0 };
  }
  return { type: 'reading', reading: parsed.data };
}

export function indicationEvent(condition: ScaleCondition, at: number): ScaleParseEvent {
  const parsed = ScaleIndicationSchema.safeParse({ condition, at });
  return parsed.success ? { type: 'indication', indication: parsed.data } : { type: 'rejected', code: 'malformed', byteCount: 0 };
}

/**
 * Status of a frame that carries a weight: under zero when negative, motion when flagged, zero when the value is 0
 * or the scale flags centre of zero, stable otherwise. (Overload frames never reach here: they become indications.)
 */
export function weighedStatus(value: number, flags: { motion: boolean; atZero?: boolean }): ScaleStatus {
  if (value < 0) return 'underZero';
  if (flags.motion) return 'motion';
  if (value === 0 || flags.atZero === true) return 'zero';
  return 'stable';
}
