/**
 * The station's identity beside its database: `station-identity.json` in the data directory, with the station id,
 * warehouse and the last event seq the station wrote. It outlives the database: when station.sqlite is missing,
 * emptied or replaced while this file says the folder belonged to a registered station, the station refuses to start
 * as a new one (openStationDatabase) and points at the recovery command. Written atomically (temp file + rename).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const IDENTITY_FILE = 'station-identity.json';

export const StationIdentitySchema = z.object({
  stationId: z.string().min(1).max(64),
  warehouse: z.string().min(1).max(8),
  /** The highest event seq this station has written (0: none yet). */
  lastSeq: z.number().int().nonnegative(),
  updatedAt: z.number().int(),
});
export type StationIdentity = z.infer<typeof StationIdentitySchema>;

export function identityPath(dataDir: string): string {
  return path.join(dataDir, IDENTITY_FILE);
}

/** The identity file, null when there is none; an unreadable one is reported as null with `damaged` set. */
export function readIdentityFile(dataDir: string): { identity: StationIdentity | null; damaged: boolean } {
  const file = identityPath(dataDir);
  if (!existsSync(file)) return { identity: null, damaged: false };
  try {
    const parsed = StationIdentitySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { identity: parsed.data, damaged: false } : { identity: null, damaged: true };
  } catch {
    return { identity: null, damaged: true };
  }
}

export function writeIdentityFile(dataDir: string, identity: StationIdentity): void {
  const file = identityPath(dataDir);
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
