/**
 * The printer setup in print_settings (one row), checked with PrintSettingsSchema on every read. No row: the
 * defaults (no printers). A row that does not parse is an error, never silently reset.
 */
import type { Database } from 'better-sqlite3';
import { DEFAULT_PRINT_SETTINGS, PrintSettingsSchema, type PrintSettings } from '../../../shared/printing/printerSettings.ts';
import { printFail, printOk, type PrintOutcome } from '../../../shared/printing/printErrors.ts';
import { prepared } from '../statementCache.ts';

const issues = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string =>
  error.issues.map((i) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`).join('; ');

export function readPrintSettings(db: Database): PrintOutcome<PrintSettings> {
  const row = prepared(db, 'SELECT settings_json FROM print_settings WHERE id = 1').get() as { settings_json: string } | undefined;
  if (row === undefined) return printOk(DEFAULT_PRINT_SETTINGS);
  let json: unknown;
  try {
    json = JSON.parse(row.settings_json);
  } catch {
    return printFail('SETTINGS_DAMAGED', 'The stored printer setup is not valid JSON: set the printers up again.');
  }
  const parsed = PrintSettingsSchema.safeParse(json);
  return parsed.success ? printOk(parsed.data) : printFail('SETTINGS_DAMAGED', `The stored printer setup is invalid (${issues(parsed.error)}): set the printers up again.`);
}

export function parsePrintSettings(input: unknown): PrintOutcome<PrintSettings> {
  const parsed = PrintSettingsSchema.safeParse(input);
  return parsed.success ? printOk(parsed.data) : printFail('SETTINGS_INVALID', `Printer setup: ${issues(parsed.error)}`);
}

export function writePrintSettings(db: Database, settings: PrintSettings, at: number): void {
  prepared(db,
    'INSERT INTO print_settings (id, settings_json, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at',
  ).run(JSON.stringify(settings), at);
}
