/**
 * The one narrow interface the HQ service uses to reach its database, whichever engine is behind it:
 * PostgreSQL through `pg` (pgDb.ts) or embedded PGlite (pgliteDb.ts). Only parameterised SQL goes through it.
 *
 * Values come back as the driver gives them: int8 is a string from pg and a number from PGlite, so readers convert
 * with `toInt` (sqlValues.ts) rather than relying on either.
 */

export interface QueryResult<R> {
  readonly rows: R[];
  /** Rows changed by INSERT/UPDATE/DELETE (0 for SELECT on PGlite; pg's rowCount). */
  readonly affected: number;
}

export interface HqSql {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Bulk load: `COPY table (columns)` from `data` in COPY text format (copyText.ts builds the lines); returns the
   * rows copied. A constraint violation rejects with the engine's error (SQLSTATE in `code`) and, inside a
   * transaction, aborts it. */
  copyIn(table: string, columns: readonly string[], data: string): Promise<number>;
}

export interface HqDb extends HqSql {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK if it throws). */
  transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
