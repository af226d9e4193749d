/**
 * What operator-add and operator-pin-reset share: reading --data-dir and --id, the PIN from standard input, opening
 * the station's database, and turning a refusal into one plain line and an exit code.
 */
import type { Database } from 'better-sqlite3';
import { OperatorIdSchema, PinSchema } from '../../shared/contract/operators.ts';
import { openStationDatabase } from '../db/openStationDatabase.ts';
import { StationError } from '../station/stationError.ts';
import type { CliIo } from './cliCommand.ts';
import { readCommandLine } from './commandLine.ts';
import { readPinLine } from './readPinLine.ts';

type StringOptions = Record<string, { readonly type: 'string' }>;

/** What an operator command read from its line: the data directory, the operator id and its other values. */
export type OperatorLine = { readonly ok: true; readonly dataDir: string; readonly operatorId: string; readonly values: Record<string, string | undefined> } | { readonly ok: false; readonly exitCode: number };

/** Reads --data-dir and --id (both required) and the command's other options; a problem is printed with the usage, exit 2. */
export function readOperatorLine(args: readonly string[], options: StringOptions, usageLine: string, io: CliIo): OperatorLine {
  const usage = (problem: string): OperatorLine => {
    io.err(`${problem}. Usage: npm run cli -- ${usageLine}`);
    return { ok: false, exitCode: 2 };
  };
  const line = readCommandLine(args, { 'data-dir': { type: 'string' }, id: { type: 'string' }, ...options });
  if (!line.ok) return usage(line.message);
  const values = line.values as Record<string, string | undefined>;
  const dataDir = values['data-dir'];
  if (!dataDir) return usage('--data-dir is needed');
  const operatorId = parseOperatorId(values['id']);
  if (!operatorId) return usage('--id is needed: 2 to 16 letters or digits');
  return { ok: true, dataDir, operatorId, values };
}

/** The PIN from standard input (asked for at a terminal); null after printing what a PIN must be. */
export async function readPinOrExplain(prompt: string, command: string, io: CliIo): Promise<string | null> {
  const pin = parsePin(await readPinLine(prompt));
  if (!pin) io.err(`The PIN must be 4 to 8 digits, given on standard input (for example: echo 4821 | npm run cli -- ${command} …).`);
  return pin;
}

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
