/**
 * What the station shows of its sync with HQ: online or not, the outbox, the last acknowledgement and progress.
 */
import { z } from 'zod';

export const SyncStatusSchema = z.object({
  /** False when no HQ is configured: events wait in the outbox. */
  configured: z.boolean(),
  /** null until the first attempt. */
  online: z.boolean().nullable(),
  phase: z.enum(['idle', 'pushing', 'pulling', 'waiting']),
  /** Events written locally and not yet acknowledged by HQ. */
  pending: z.number().int().nonnegative(),
  /** Events HQ refused for good; they need a person. */
  dead: z.number().int().nonnegative(),
  /** Highest sequence number HQ acknowledged. */
  lastAckSeq: z.number().int().nonnegative(),
  lastAckAt: z.number().nullable(),
  /** 0–1 while draining or pulling, null otherwise. */
  progress: z.number().min(0).max(1).nullable(),
  lastError: z.string().nullable(),
  /** When the next attempt is due (epoch ms), while waiting after a failure. */
  nextAttemptAt: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
