/**
 * Opens HQ's database from its settings and brings the schema up to date: PostgreSQL when a database URL is given,
 * otherwise PGlite in a data directory (the embedded default), or in memory for tests.
 */
import type { HqDb } from './hqDb.ts';
import { openPgDb } from './pgDb.ts';
import { openPgliteDb } from './pgliteDb.ts';
import { lockDataDir } from './dataDirLock.ts';
import { migrateHq } from './migrateHq.ts';

export type HqDbTarget =
  | { readonly kind: 'postgres'; readonly databaseUrl: string }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'memory' };

export async function openHqDb(target: HqDbTarget): Promise<HqDb> {
  let db: HqDb;
  if (target.kind === 'postgres') {
    db = await openPgDb({ connectionString: target.databaseUrl });
  } else if (target.kind === 'pglite') {
    const release = lockDataDir(target.dataDir);
    let inner: HqDb;
    try {
      inner = await openPgliteDb(target.dataDir);
    } catch (err) {
      release();
      throw err;
    }
    db = {
      ...inner,
      async close() {
        try {
          await inner.close();
        } finally {
          release();
        }
      },
    };
  } else {
    db = await openPgliteDb(null);
  }
  try {
    await migrateHq(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
