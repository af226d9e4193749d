/** The highest event seq the station database has handed out (AUTOINCREMENT keeps it after deletes); 0 when none. */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export function highestEventSeq(db: Database): number {
  const row = prepared(db, "SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}
