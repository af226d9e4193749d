/**
 * Station settings in the settings table, validated on every read; a damaged row is an error, never a silent reset.
 */
import type { Database } from 'better-sqlite3';
import { StationSettingsSchema, type StationSettings } from '../../../shared/contract/settings.ts';
import { StationError } from '../../station/stationError.ts';
import { prepared } from '../statementCache.ts';

const KEY = 'station';

export function readSettings(db: Database): StationSettings | null {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch {
    throw new StationError('STORAGE_FAILED', 'The stored station settings are not valid JSON; fix or delete the settings row.');
  }
  const parsed = StationSettingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new StationError('STORAGE_FAILED', `The stored station settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function writeSettings(db: Database, settings: StationSettings): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
}
