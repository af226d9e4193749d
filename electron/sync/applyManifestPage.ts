/**
 * Applies one page of the manifests stream together with its cursor (in one transaction, or in slices that yield to
 * the event loop between them: applyManifestPageInSlices, which the pull uses): whole entries are validated
 * with ManifestEntrySchema and upserted with their tracking-number index (manifest_tracking); status items update
 * consigneeIdStatus / dutiesStatus inside entry_json. Returns the status changes it made so the caller can tell the
 * hold shelf AFTER the commit. An item that cannot be read, or a status for a stored row that is not a valid entry,
 * is quarantined (sync_quarantine), never silently dropped, never half-written, and never blocks the rest of the
 * stream. The SQL is in electron/db/queries/manifests.ts.
 */
import type { Database } from 'better-sqlite3';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { ManifestItemSchema, type PullPage } from '../../shared/sync/pullWire.ts';
import { deleteAllManifests, readStoredManifest, storedStatusesOf, updateManifestEntry, upsertManifest } from '../db/queries/manifests.ts';
import { quarantineItem, setCursor } from '../db/queries/streamCursors.ts';
import { commitWithoutDiskWait } from '../db/deferredDiskSync.ts';
import type { ManifestStatusChange } from './manifestStatusChange.ts';

function diffStatuses(before: Partial<ManifestEntry>, after: Pick<ManifestEntry, 'consigneeIdStatus' | 'dutiesStatus'>, waybill: string): ManifestStatusChange | null {
  const change: { waybill: string; consigneeIdStatus?: ManifestEntry['consigneeIdStatus']; dutiesStatus?: ManifestEntry['dutiesStatus'] } = { waybill };
  if (before.consigneeIdStatus !== after.consigneeIdStatus) change.consigneeIdStatus = after.consigneeIdStatus;
  if (before.dutiesStatus !== after.dutiesStatus) change.dutiesStatus = after.dutiesStatus;
  return change.consigneeIdStatus === undefined && change.dutiesStatus === undefined ? null : change;
}

export interface ManifestPageResult {
  readonly applied: number;
  readonly quarantined: number;
  readonly statusChanges: ManifestStatusChange[];
}

interface Tally {
  applied: number;
  quarantined: number;
  readonly statusChanges: ManifestStatusChange[];
}

/**
 * Applies some items of a page inside the caller's transaction. Each item is validated once (the item, then its
 * entry); the stored statuses an upsert is compared with are read for the whole slice in one statement (not the
 * whole stored entry, row by row).
 */
function applyItems(db: Database, stream: PullPage['stream'], items: readonly unknown[], warehouse: string, now: number, tally: Tally): void {
  const parsed = items.map((raw) => ({ raw, item: ManifestItemSchema.safeParse(raw) }));
  const upserted = parsed.flatMap(({ item }) => {
    const waybill = item.success && item.data.op === 'upsert' ? (item.data.entry as { waybill?: unknown } | null)?.waybill : undefined;
    return typeof waybill === 'string' ? [waybill] : [];
  });
  const stored = storedStatusesOf(db, upserted);
  for (const { raw, item } of parsed) {
    if (!item.success) {
      quarantineItem(db, stream, null, `not a manifest item: ${item.error.issues[0]?.message ?? 'invalid'}`, raw, now);
      tally.quarantined++;
      continue;
    }
    if (item.data.op === 'upsert') {
      const entry = ManifestEntrySchema.safeParse(item.data.entry);
      const key = typeof (item.data.entry as { waybill?: unknown })?.waybill === 'string' ? (item.data.entry as { waybill: string }).waybill : null;
      if (!entry.success) {
        quarantineItem(db, stream, key, `manifest entry fails ManifestEntrySchema: ${entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, raw, now);
        tally.quarantined++;
        continue;
      }
      const e = entry.data;
      if (e.warehouse !== warehouse) {
        quarantineItem(db, stream, e.waybill, `manifest for ${e.warehouse} sent to a ${warehouse} station`, raw, now);
        tally.quarantined++;
        continue;
      }
      // A stored row whose statuses cannot be read is replaced by HQ's valid entry; its statuses were unknown, so
      // both count as changed.
      const before = stored.get(e.waybill);
      const change = before === undefined ? null : diffStatuses(before.state === 'valid' ? before : {}, e, e.waybill);
      if (change) tally.statusChanges.push(change);
      upsertManifest(db, e, now);
      stored.set(e.waybill, { state: 'valid', consigneeIdStatus: e.consigneeIdStatus, dutiesStatus: e.dutiesStatus });
      tally.applied++;
    } else {
      const st = item.data;
      const row = readStoredManifest(db, st.waybill);
      if (row.state !== 'valid') {
        // HQ sends statuses only for entries this station already received; if it is missing here (e.g. it was
        // quarantined) or its stored row is damaged, keep the item for a person rather than invent or half-write an entry.
        const why = row.state === 'absent' ? 'status for a manifest this station does not hold' : `status for a manifest whose stored row is damaged (${row.reason})`;
        quarantineItem(db, stream, st.waybill, why, raw, now);
        tally.quarantined++;
        continue;
      }
      const change = diffStatuses(row.entry, st, st.waybill);
      if (change) {
        updateManifestEntry(db, { ...row.entry, consigneeIdStatus: st.consigneeIdStatus, dutiesStatus: st.dutiesStatus }, now);
        tally.statusChanges.push(change);
        if (stored.has(st.waybill)) stored.set(st.waybill, { state: 'valid', consigneeIdStatus: st.consigneeIdStatus, dutiesStatus: st.dutiesStatus });
      }
      tally.applied++;
    }
  }
}

/** Applies a whole page and its cursor in one transaction (tests, and callers that do not mind the wait). */
export function applyManifestPage(db: Database, page: PullPage, warehouse: string, now: number): ManifestPageResult {
  return db.transaction((): ManifestPageResult => {
    const tally: Tally = { applied: 0, quarantined: 0, statusChanges: [] };
    applyItems(db, page.stream, page.items, warehouse, now, tally);
    setCursor(db, page.stream, page.cursor, now);
    return tally;
  })();
}

export interface SliceOptions {
  /** How long one slice may hold the event loop (default 10 ms: the loop never waits 20 ms for the pull). */
  readonly budgetMs?: number;
  /** Gives the event loop its turn between slices (default: setImmediate). */
  readonly yieldToLoop?: () => Promise<void>;
}

const FIRST_SLICE = 100;
const MIN_SLICE = 10;
const MAX_SLICE = 5000;

/**
 * Applies a page in slices, one transaction each, giving the event loop its turn between them so a big pull never
 * stalls the station's commands. The slice size follows the measured time per item to stay within the budget. The
 * cursor is written with the last slice only: a crash mid-page leaves the cursor where it was and the page is pulled
 * again; applying it again is harmless (an upsert replaces, a status sets; an unreadable item is set aside again).
 */
export async function applyManifestPageInSlices(db: Database, page: PullPage, warehouse: string, now: number, options: SliceOptions = {}): Promise<ManifestPageResult> {
  const budgetMs = options.budgetMs ?? 10;
  const yieldToLoop = options.yieldToLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const tally: Tally = { applied: 0, quarantined: 0, statusChanges: [] };
  let size = FIRST_SLICE;
  let at = 0;
  do {
    const items = page.items.slice(at, at + size);
    const last = at + items.length >= page.items.length;
    const t0 = performance.now();
    // A slice's commit does not wait for the disk (one fsync can take longer than the whole budget): it becomes
    // durable with the station's next durable commit, and a page lost to a power cut is pulled again.
    commitWithoutDiskWait(db, () => {
      applyItems(db, page.stream, items, warehouse, now, tally);
      if (last) setCursor(db, page.stream, page.cursor, now);
    });
    const perItem = (performance.now() - t0) / Math.max(1, items.length);
    at += items.length;
    size = Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.floor((budgetMs * 0.8) / Math.max(perItem, 1e-3))));
    if (!last) await yieldToLoop();
  } while (at < page.items.length);
  return tally;
}

/** HQ ordered a fresh download: drop every manifest and the cursor, in one transaction. */
export function resetManifests(db: Database, now: number): void {
  db.transaction(() => {
    deleteAllManifests(db);
    setCursor(db, 'manifests', null, now);
  })();
}
