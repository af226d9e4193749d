/**
 * Prepared statements cached per database handle (issue 17, item 2): `prepared(db, sql)` compiles a statement the
 * first time a handle sees that SQL text and hands back the same statement afterwards, so a command no longer pays
 * for `db.prepare()` on every call. The cache dies with the handle (WeakMap); a closed handle is never reused.
 *
 * The cache also tells which statements a handle has run (`preparedSqlOf`): the query-plan test drives the station
 * through its commands and screen refreshes and then checks the plan of every statement it finds here.
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement<unknown[]>>>();

export function prepared(db: Database, sql: string): Statement<unknown[]> {
  let byText = cache.get(db);
  if (byText === undefined) {
    byText = new Map();
    cache.set(db, byText);
  }
  let statement = byText.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}

/** The SQL text of every statement prepared through the cache on this handle, in first-use order. */
export function preparedSqlOf(db: Database): string[] {
  return [...(cache.get(db)?.keys() ?? [])];
}

/** Forgets what this handle has prepared (a test starts counting from a known point). */
export function forgetPrepared(db: Database): void {
  cache.delete(db);
}
