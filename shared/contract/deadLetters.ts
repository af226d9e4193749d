/**
 * An event HQ refused for good (a dead letter): it stays on the station, out of the outbox, for a lead to look at.
 * Read with the `sync.deadLetters` command, oldest first.
 */
import { z } from 'zod';

export const DeadLetterSchema = z.object({
  /** The event's number on this station. */
  seq: z.number().int().positive(),
  eventId: z.string(),
  /** null: an event about no parcel (an operator event). */
  intakeId: z.string().nullable(),
  type: z.string(),
  /** HQ's reason code for refusing it. */
  code: z.string(),
  message: z.string(),
  deadAt: z.number(),
});
export type DeadLetterView = z.infer<typeof DeadLetterSchema>;
