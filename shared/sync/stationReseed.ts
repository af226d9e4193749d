/**
 * The file HQ's `station-reseed` admin command writes for a replaced or restored station (hq/admin/reseedStation.ts)
 * and the station's `restore-backup --hq-reseed FILE` reads (electron/cli/commands/restore-backup.ts): the station's
 * identity, the highest event seq HQ holds for it, and a freshly issued token (the old ones are revoked).
 */
import { z } from 'zod';

export const STATION_RESEED_FORMAT = 'ecms-station-reseed/1';

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
});
export type StationReseed = z.infer<typeof StationReseedSchema>;
