/** The station's pull cursor per stream (sync_cursors, migration 0020). null = download from the start. */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export function getCursor(db: Database, stream: string): string | null {
  const row = prepared(db, 'SELECT cursor FROM sync_cursors WHERE stream = ?').get(stream) as { cursor: string | null } | undefined;
  return row?.cursor ?? null;
}

/** Call inside the page's transaction. */
export function setCursor(db: Database, stream: string, cursor: string | null, now: number): void {
  prepared(db,
    `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(stream, cursor, now);
}

/** Items of a page the station could not read: kept, with the reason, instead of dropped. Inside the page's transaction. */
export function quarantineItem(db: Database, stream: string, key: string | null, error: string, raw: unknown, now: number): void {
  let rawJson: string;
  try {
    rawJson = JSON.stringify(raw) ?? 'null';
  } catch {
    rawJson = '"<not serialisable>"';
  }
  prepared(db, 'INSERT INTO sync_quarantine (stream, item_key, error, raw_json, received_at) VALUES (?, ?, ?, ?, ?)').run(
    stream,
    key,
    error.slice(0, 2000),
    rawJson.slice(0, 1_000_000),
    now,
  );
}

export function quarantineCount(db: Database): number {
  return (prepared(db, 'SELECT count(*) AS n FROM sync_quarantine').get() as { n: number }).n;
}
