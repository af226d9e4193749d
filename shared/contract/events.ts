/**
 * The event streams the station pushes to the UI.
 */
import { z } from 'zod';
import { ScaleDeviceStatusSchema, ScaleReadingSchema } from '../scale/reading.ts';
import { ScaleIndicationSchema } from '../scale/scaleIndication.ts';
import { IntakeViewSchema } from './intakeView.ts';
import { SyncStatusSchema } from '../sync/syncStatus.ts';
import { StationErrorSchema } from './result.ts';
import { PRINT_EVENTS } from '../printing/printContract.ts';
import { NoticeSchema } from './notices.ts';
import { SessionStateSchema } from './operators.ts';
import type { EventName } from './commandNames.ts';

export const EVENTS = {
  /** Every reading from the scale, stable or not. */
  weight: ScaleReadingSchema,
  /** A condition the scale reported without a usable weight: motion, overload, under zero, not ready, fault. */
  scaleIndication: ScaleIndicationSchema,
  deviceStatus: z.object({ scale: ScaleDeviceStatusSchema }),
  /** The open intake changed (or closed: null). Carries verdicts as they are committed. */
  intake: IntakeViewSchema.nullable(),
  /** A scan from a device (serial scanner) that the station refused, so the screen can say why. */
  scanRejected: StationErrorSchema.extend({ raw: z.string() }),
  /** The station saw a weight for the open parcel but could not store it (e.g. STORAGE_FULL): nothing was recorded. */
  captureFailed: StationErrorSchema.extend({ intakeId: z.string(), mass: z.number().int(), readingAt: z.number() }),
  syncProgress: SyncStatusSchema,
  /** A hold was released or returned away from the bench, or a released parcel was scanned again. */
  notice: NoticeSchema,
  /** Someone signed in or out (also the idle sign-out). */
  session: SessionStateSchema,
  ...PRINT_EVENTS,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof EVENTS;
export type EventData<E extends EventName> = z.output<Events[E]>;
