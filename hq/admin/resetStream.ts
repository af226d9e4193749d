/** Orders every station to drop and download a stream again (e.g. after manifests were deleted or corrected at HQ). */
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { bumpEpoch } from '../streams/streamEpochs.ts';
import { PULL_STREAMS, type PullStream } from '../../shared/sync/pullWire.ts';
import { WAREHOUSES, type Warehouse } from '../../shared/manifest/destinations.ts';

export async function resetStream(db: HqDb, stream: PullStream, warehouse: Warehouse | null, reason: string): Promise<{ scope: string; epoch: number }[]> {
  if (!(PULL_STREAMS as readonly string[]).includes(stream)) throw new HqError('INVALID_REQUEST', `Unknown stream ${stream}`);
  const scopes = stream === 'manifests' ? (warehouse ? [warehouse] : [...WAREHOUSES]) : ['*'];
  return db.transaction(async (tx) => {
    const out: { scope: string; epoch: number }[] = [];
    for (const scope of scopes) out.push({ scope, epoch: await bumpEpoch(tx, stream, scope, reason) });
    return out;
  });
}
