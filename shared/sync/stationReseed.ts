/**
 * The file HQ's `station-reseed` admin command writes for a replaced or restored station (hq/admin/reseedStation.ts)
 * and the station's `restore-backup --hq-reseed FILE` reads (electron/cli/commands/restore-backup.ts): the station's
 * identity, the highest event seq HQ holds for it, a freshly issued token (the old ones are revoked), and the events
 * HQ stores for it after `afterSeq` (the backup's last record): restore-backup replays them into the restored database
 * as already-synced events, so intakes made after the backup are back on the station (electron/db/replayHqHistory.ts).
 */
import { z } from 'zod';

export const STATION_RESEED_FORMAT = 'ecms-station-reseed/1';

/** One of the station's own events as HQ stores it (hq station_events). */
export const ReseedEventSchema = z.object({
  seq: z.number().int().positive(),
  eventId: z.string().min(1).max(100),
  commandId: z.string().min(1).max(200),
  /** null: an event about no parcel (an operator event); replayed into the log as it is. */
  intakeId: z.string().min(1).max(100).nullable(),
  type: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
  capturedAt: z.number().int(),
});
export type ReseedEvent = z.infer<typeof ReseedEventSchema>;

export const StationReseedSchema = z.object({
  format: z.literal(STATION_RESEED_FORMAT),
  stationId: z.string().min(1).max(64),
  warehouse: z.enum(['LAX', 'CHI']),
  /** Every seq 1..lastSeq of this station is held at HQ (stored or refused for good): the station goes on after it. */
  lastSeq: z.number().int().nonnegative(),
  /** How many of the station's events HQ stores (its history stays at HQ). */
  eventCount: z.number().int().nonnegative(),
  issuedAt: z.string(),
  tokenId: z.string(),
  token: z.string().min(20).max(200),
  /** The events below are those with a seq above this (0: the whole history). */
  afterSeq: z.number().int().nonnegative().default(0),
  /** The station's events HQ stores after `afterSeq`, by seq (a file from before this field: none). */
  events: z.array(ReseedEventSchema).default([]),
});
export type StationReseed = z.infer<typeof StationReseedSchema>;
