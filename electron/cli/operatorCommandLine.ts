/**
 * What operator-add and operator-pin-reset share: reading --data-dir and --id, the PIN from standard input, opening
 * the station's database, and turning a refusal into one plain line and an exit code.
 */
import type { Database } from 'better-sqlite3';
import { OperatorIdSchema, PinSchema } from '../../shared/contract/operators.ts';
import { openStationDatabase } from '../db/openStationDatabase.ts';
import { StationError } from '../station/stationError.ts';
import type { CliIo } from './cliCommand.ts';

export function parseOperatorId(raw: string | undefined): string | null {
  const parsed = OperatorIdSchema.safeParse(raw ?? '');
  return parsed.success ? parsed.data : null;
}

export function parsePin(raw: string): string | null {
  return PinSchema.safeParse(raw).success ? raw : null;
}

/** Runs `work` on the station database in `dataDir` and closes it; a station refusal is printed, exit 1. */
export async function withStationDatabase(dataDir: string, io: CliIo, work: (db: Database) => Promise<void>): Promise<number> {
  let db: Database;
  try {
    db = openStationDatabase(dataDir);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  try {
    await work(db);
    return 0;
  } catch (error) {
    if (error instanceof StationError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}
