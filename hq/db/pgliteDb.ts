/**
 * HqDb over embedded PGlite: a data directory (NodeFS) or memory. PGlite is single-connection, so every query and
 * transaction goes through this one instance, in order (../shared/reference/sync.md §5.1). One process per data directory: the lock
 * file (dataDirLock.ts) refuses a second opener.
 */
import { PGlite } from '@electric-sql/pglite';
import type { HqDb, HqSql, QueryResult } from './hqDb.ts';
import { copyStatement } from './copyText.ts';

interface Queryable {
  query<R>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: R[]; affectedRows?: number }>;
}

function wrap(q: Queryable): HqSql {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await q.query<R>(sql, params ? [...params] : undefined);
      return { rows: res.rows, affected: res.affectedRows ?? 0 };
    },
    async copyIn(table: string, columns: readonly string[], data: string): Promise<number> {
      // PGlite has no COPY sub-protocol: it reads COPY FROM '/dev/blob' from the blob handed to the query.
      const res = await q.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([data]) });
      return res.affectedRows ?? 0;
    },
  };
}

/** `dataDir` null = in memory (tests). */
export async function openPgliteDb(dataDir: string | null): Promise<HqDb> {
  const db = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  const top = wrap(db);
  return {
    engine: 'pglite',
    query: top.query,
    copyIn: top.copyIn,
    transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(wrap(tx)));
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
    async close(): Promise<void> {
      await db.close();
    },
  };
}
