/** HqDb over a real PostgreSQL server through a `pg` pool. */
import pg from 'pg';
import type { HqDb, HqSql, QueryResult } from './hqDb.ts';
import { copyStatement } from './copyText.ts';
import { pgCopyIn } from './pgCopyIn.ts';

export interface PgDbOptions {
  readonly connectionString: string;
  /** Pool size; HQ runs few, short transactions. */
  readonly max?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): HqSql {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await client.query(sql, params ? [...params] : undefined);
      return { rows: res.rows as R[], affected: res.rowCount ?? 0 };
    },
    async copyIn(table: string, columns: readonly string[], data: string): Promise<number> {
      const statement = copyStatement(table, columns, 'STDIN');
      if (!(client instanceof pg.Pool)) return pgCopyIn(client, statement, data);
      // Outside a transaction: one pooled connection for the COPY alone.
      const own = await client.connect();
      try {
        return await pgCopyIn(own, statement, data);
      } finally {
        own.release();
      }
    },
  };
}

export async function openPgDb(options: PgDbOptions): Promise<HqDb> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client that loses its server emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', () => undefined);
  // Fail fast on a wrong URL instead of at the first request.
  const probe = await pool.connect();
  probe.release();
  const top = wrap(pool);
  return {
    engine: 'postgres',
    query: top.query,
    copyIn: top.copyIn,
    async transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: drop it from the pool
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
