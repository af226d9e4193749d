/**
 * Runs a test suite against both HQ database engines: PGlite (in memory) and a real PostgreSQL 15 server in a
 * throwaway cluster (test/support/postgresCluster.ts). One database per engine per file, emptied between tests.
 * No skipping: if PostgreSQL's binaries are missing, the PostgreSQL suites fail with the install command.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgresCluster.ts';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendHandle {
  readonly name: BackendName;
  /** The engine's database, migrated and empty at the start of each test. */
  readonly db: HqDb;
}

export async function emptyHqDb(db: HqDb): Promise<void> {
  await db.exec(`TRUNCATE station_photos, station_tokens, station_events, rejected_events, status_changes, manifests, reference_docs, stream_epochs, stations CASCADE;
    ALTER SEQUENCE change_version RESTART WITH 1;`);
}

export function describeEachBackend(title: string, suite: (h: BackendHandle) => void): void {
  for (const name of BACKENDS) {
    describe(`${title} [${name}]`, () => {
      let cluster: PostgresCluster | null = null;
      let db: HqDb | null = null;
      const handle: BackendHandle = {
        name,
        get db(): HqDb {
          if (!db) throw new Error('HQ database not open');
          return db;
        },
      };
      beforeAll(async () => {
        if (name === 'postgres') {
          cluster = await startPostgresCluster();
          db = await openHqDb({ kind: 'postgres', databaseUrl: await cluster.createDatabase('hq_test') });
        } else {
          db = await openHqDb({ kind: 'memory' });
        }
      });
      beforeEach(async () => {
        if (db) await emptyHqDb(db);
      });
      afterAll(async () => {
        await db?.close();
        await cluster?.stop();
      });
      suite(handle);
    });
  }
}
