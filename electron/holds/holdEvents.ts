/**
 * What the hold shelf needs from the station's event log: append one event (and its outbox row) inside the caller's
 * transaction. This is the narrow interface the hold shelf assumes; electron/station/eventLog.ts `appendEvent`
 * satisfies it as written (same argument shape), and tests may pass a fake.
 *
 * Every state change HQ must know about is one event, written in the same transaction as the hold row and its audit
 * row, so the three land together or not at all.
 */
import type { Database } from 'better-sqlite3';

export const HOLD_EVENT_TYPES = ['HOLD_PLACED', 'HOLD_REASONS_CHANGED', 'HOLD_RELEASED', 'HOLD_RETURNED'] as const;
export type HoldEventType = (typeof HOLD_EVENT_TYPES)[number];

export interface HoldEvent {
  readonly intakeId: string;
  /** Unique per event (events.command_id is UNIQUE): derived from the caller's command id and the hold id. */
  readonly commandId: string;
  readonly type: HoldEventType;
  readonly payload: unknown;
  readonly at: number;
}

/** Appends one event + outbox row using `db` (already inside a transaction). Throws on a storage error. */
export type HoldEventSink = (db: Database, event: HoldEvent) => unknown;
