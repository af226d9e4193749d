/**
 * Pulls each reference stream page by page until HQ says it is up to date. Each page is applied together with its
 * cursor (a manifests page in slices that yield to the event loop, the cursor written with the last), so a crash or
 * a failure resumes from the last page stored whole. A reset answer
 * drops the local copy of that stream (one transaction) and starts again from no cursor.
 */
import { getCursor } from '../db/queries/streamCursors.ts';
import { applyManifestPageInSlices, resetManifests } from './applyManifestPage.ts';
import { applyReferencePage, KIND_OF_STREAM, resetReferenceStream } from './applyReferencePage.ts';
import { failure, type HqResult } from './syncFailure.ts';
import type { SyncContext } from './syncContext.ts';
import type { ManifestStatusChange } from './manifestStatusChange.ts';
import type { PullPage, PullStream } from '../../shared/sync/pullWire.ts';

const MAX_RESETS_PER_STREAM = 2;

async function notifyStatusChanges(ctx: SyncContext, changes: readonly ManifestStatusChange[]): Promise<void> {
  if (!ctx.onStatusChanged) return;
  for (const c of changes) {
    try {
      await ctx.onStatusChanged(c.waybill, {
        ...(c.consigneeIdStatus !== undefined ? { consigneeIdStatus: c.consigneeIdStatus } : {}),
        ...(c.dutiesStatus !== undefined ? { dutiesStatus: c.dutiesStatus } : {}),
      });
    } catch (err) {
      // The change is committed; a failing listener must not undo it or stop the sync.
      ctx.log('error', `onStatusChanged(${c.waybill}) failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

async function applyPage(ctx: SyncContext, stream: PullStream, page: PullPage): Promise<HqResult<{ applied: number; changes: ManifestStatusChange[] }>> {
  try {
    if (stream === 'manifests') {
      // In slices that give the event loop its turn: a 5000-row page never stalls the station's commands.
      const r = await applyManifestPageInSlices(ctx.db, page, ctx.warehouse, ctx.now());
      if (r.quarantined > 0) ctx.log('warn', `${r.quarantined} manifest item(s) could not be read and were set aside (sync_quarantine)`);
      return { ok: true, value: { applied: r.applied, changes: r.statusChanges } };
    }
    const r = applyReferencePage(ctx.db, page, KIND_OF_STREAM[stream], ctx.now());
    if (r.quarantined > 0) ctx.log('warn', `${r.quarantined} ${stream} item(s) could not be read and were set aside (sync_quarantine)`);
    return { ok: true, value: { applied: r.applied, changes: [] } };
  } catch (err) {
    return failure('storage', `Could not store a ${stream} page: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function resetStream(ctx: SyncContext, stream: PullStream): void {
  if (stream === 'manifests') resetManifests(ctx.db, ctx.now());
  else resetReferenceStream(ctx.db, stream, KIND_OF_STREAM[stream], ctx.now());
}

/** Lets the event loop send a request that was just issued before the caller blocks on synchronous SQLite work. */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function pullStream(ctx: SyncContext, stream: PullStream): Promise<HqResult<{ applied: number }>> {
  let first = true;
  let resets = 0;
  let received = 0;
  let total: number | null = null;
  let applied = 0;
  const request = (c: string | null, withRemaining: boolean) =>
    ctx.client.pull(stream, { cursor: c, limit: ctx.tuning.pullPageLimit, warehouse: ctx.warehouse, withRemaining }, ctx.signal);
  ctx.report({ phase: 'pulling', progress: null });
  let inFlight = request(getCursor(ctx.db, stream), true);
  while (ctx.isRunning()) {
    const res = await inFlight;
    if (!res.ok) return res;
    const page = res.value;
    if (page.stream !== stream) return failure('malformed', `Asked HQ for ${stream}, got ${page.stream}`);
    if (page.reset) {
      resets++;
      if (resets > MAX_RESETS_PER_STREAM) return failure('malformed', `HQ keeps ordering a fresh download of ${stream}: ${page.reason}`);
      ctx.log('info', `HQ ordered a fresh download of ${stream}: ${page.reason}`);
      try {
        resetStream(ctx, stream);
      } catch (err) {
        return failure('storage', `Could not drop ${stream} for a fresh download: ${err instanceof Error ? err.message : String(err)}`);
      }
      ctx.onReferenceDataChanged?.(stream);
      first = true;
      received = 0;
      total = null;
      inFlight = request(null, true);
      continue;
    }
    if (!page.upToDate && page.items.length === 0) return failure('malformed', `HQ sent an empty ${stream} page that is not the last`);
    // Ask for the next page before storing this one, so HQ and the network work while SQLite does. If storing
    // fails, the early answer is simply never used (the cursor in the database did not move).
    if (!page.upToDate) {
      inFlight = request(page.cursor, false);
      await yieldToIo();
    }
    const r = await applyPage(ctx, stream, page);
    if (!r.ok) return r;
    applied += r.value.applied;
    await notifyStatusChanges(ctx, r.value.changes);
    if (first && page.remaining !== undefined) total = page.items.length + page.remaining;
    received += page.items.length;
    first = false;
    ctx.report({ online: true, progress: total !== null && total > 0 ? Math.min(1, received / total) : null });
    if (page.upToDate) {
      if (applied > 0) ctx.onReferenceDataChanged?.(stream);
      return { ok: true, value: { applied } };
    }
  }
  return failure('aborted', 'Sync is stopping');
}

export async function pullAll(ctx: SyncContext): Promise<HqResult<{ applied: number }>> {
  let applied = 0;
  for (const stream of ctx.tuning.streams) {
    const r = await pullStream(ctx, stream);
    if (!r.ok) return r;
    applied += r.value.applied;
  }
  return { ok: true, value: { applied } };
}
