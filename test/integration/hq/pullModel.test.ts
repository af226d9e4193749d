/**
 * Model-based check of the manifests stream: random interleavings of imports, changed re-imports, ID/duty status
 * changes and paged pulls with random page sizes (including a station that starts from scratch midway). Whatever
 * the order, a station that pulls until up to date holds exactly HQ's entries for its warehouse.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend, emptyHqDb } from './hqBackends.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import { recordConsigneeId, recordDuties } from '../../../hq/admin/recordStatus.ts';
import { pullPage } from '../../../hq/streams/pullPage.ts';
import { PullResponseSchema } from '../../../shared/sync/pullWire.ts';
import { ManifestEntrySchema, type ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { makeManifest } from '../sync/fixtures.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';

type Op =
  | { kind: 'import'; ids: number[]; rename: boolean }
  | { kind: 'id'; id: number; status: 'received' | 'invalid' }
  | { kind: 'duties'; id: number; status: 'paid' | 'unpaid' }
  | { kind: 'pull'; station: 0 | 1; limit: number }
  | { kind: 'freshStation' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), ids: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 6 }), rename: fc.boolean() }),
  fc.record({ kind: fc.constant('id' as const), id: fc.integer({ min: 0, max: 14 }), status: fc.constantFrom('received' as const, 'invalid' as const) }),
  fc.record({ kind: fc.constant('duties' as const), id: fc.integer({ min: 0, max: 14 }), status: fc.constantFrom('paid' as const, 'unpaid' as const) }),
  fc.record({ kind: fc.constant('pull' as const), station: fc.constantFrom(0 as const, 1 as const), limit: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'freshStation' as const }),
);

interface Station {
  cursor: string | undefined;
  rows: Map<string, ManifestEntry>;
}

async function pullOnce(db: HqDb, st: Station, limit: number): Promise<boolean> {
  const page = PullResponseSchema.parse(JSON.parse(await pullPage(db, { stationId: 'LAX-M', warehouse: 'LAX', tokenId: 't' }, 'manifests', { cursor: st.cursor, limit })));
  if (page.reset) throw new Error('unexpected reset');
  for (const item of page.items) {
    const it = item as { op: string; entry?: unknown; waybill?: string; consigneeIdStatus?: ManifestEntry['consigneeIdStatus']; dutiesStatus?: ManifestEntry['dutiesStatus'] };
    if (it.op === 'upsert') {
      const e = ManifestEntrySchema.parse(it.entry);
      st.rows.set(e.waybill, e);
    } else {
      const held = st.rows.get(it.waybill ?? '');
      if (!held) throw new Error(`status for ${it.waybill ?? '?'} which the station does not hold`);
      st.rows.set(held.waybill, { ...held, consigneeIdStatus: it.consigneeIdStatus ?? held.consigneeIdStatus, dutiesStatus: it.dutiesStatus ?? held.dutiesStatus });
    }
  }
  st.cursor = page.cursor;
  return page.upToDate;
}

describeEachBackend('manifests stream model', (h) => {
  it('any interleaving of changes and paged pulls converges to HQ\'s state', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        await emptyHqDb(h.db);
        const imported = new Set<number>();
        const stations: Station[] = [{ cursor: undefined, rows: new Map() }, { cursor: undefined, rows: new Map() }];
        for (const op of ops) {
          if (op.kind === 'import') {
            await importManifestEntries(h.db, op.ids.map((i) => makeManifest(i, 'LAX', op.rename ? { consigneeName: `Renamed ${i} ${ops.indexOf(op)}` } : {})));
            for (const i of op.ids) imported.add(i);
          } else if (op.kind === 'id' || op.kind === 'duties') {
            if (!imported.has(op.id)) continue;
            const wb = makeManifest(op.id, 'LAX').waybill;
            if (op.kind === 'id') await recordConsigneeId(h.db, wb, op.status);
            else await recordDuties(h.db, wb, op.status);
          } else if (op.kind === 'pull') {
            const st = stations[op.station];
            if (st) await pullOnce(h.db, st, op.limit);
          } else {
            stations[1] = { cursor: undefined, rows: new Map() };
          }
        }
        const truth = await h.db.query<{ entry: ManifestEntry }>("SELECT entry FROM manifests WHERE warehouse = 'LAX'");
        const expected = new Map(truth.rows.map((r) => [r.entry.waybill, ManifestEntrySchema.parse(r.entry)]));
        for (const st of stations) {
          for (let guard = 0; guard < 100 && !(await pullOnce(h.db, st, 3)); guard++);
          expect(st.rows).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });
});
