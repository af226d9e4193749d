/**
 * Applies one page of the manifests stream in ONE transaction together with its cursor: whole entries are validated
 * with ManifestEntrySchema and upserted with their tracking-number index (manifest_tracking); status items update
 * consigneeIdStatus / dutiesStatus inside entry_json. Returns the status changes it made so the caller can tell the
 * hold shelf AFTER the commit. An item that cannot be read, or a status for a stored row that is not a valid entry,
 * is quarantined (sync_quarantine), never silently dropped, never half-written, and never blocks the rest of the
 * stream. The SQL is in electron/db/queries/manifests.ts.
 */
import type { Database } from 'better-sqlite3';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { ManifestItemSchema, type PullPage } from '../../shared/sync/pullWire.ts';
import { deleteAllManifests, readStoredManifest, updateManifestEntry, upsertManifest } from '../db/queries/manifests.ts';
import { quarantineItem, setCursor } from '../db/queries/streamCursors.ts';
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

export function applyManifestPage(db: Database, page: PullPage, warehouse: string, now: number): ManifestPageResult {
  return db.transaction((): ManifestPageResult => {
    let applied = 0;
    let quarantined = 0;
    const statusChanges: ManifestStatusChange[] = [];
    for (const raw of page.items) {
      const item = ManifestItemSchema.safeParse(raw);
      if (!item.success) {
        quarantineItem(db, page.stream, null, `not a manifest item: ${item.error.issues[0]?.message ?? 'invalid'}`, raw, now);
        quarantined++;
        continue;
      }
      if (item.data.op === 'upsert') {
        const entry = ManifestEntrySchema.safeParse(item.data.entry);
        const key = typeof (item.data.entry as { waybill?: unknown })?.waybill === 'string' ? (item.data.entry as { waybill: string }).waybill : null;
        if (!entry.success) {
          quarantineItem(db, page.stream, key, `manifest entry fails ManifestEntrySchema: ${entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, raw, now);
          quarantined++;
          continue;
        }
        const e = entry.data;
        if (e.warehouse !== warehouse) {
          quarantineItem(db, page.stream, e.waybill, `manifest for ${e.warehouse} sent to a ${warehouse} station`, raw, now);
          quarantined++;
          continue;
        }
        // A damaged stored row is replaced by HQ's valid entry; its statuses were unknown, so both count as changed.
        const stored = readStoredManifest(db, e.waybill);
        const change = stored.state === 'absent' ? null : diffStatuses(stored.state === 'valid' ? stored.entry : {}, e, e.waybill);
        if (change) statusChanges.push(change);
        upsertManifest(db, e, now);
        applied++;
      } else {
        const st = item.data;
        const stored = readStoredManifest(db, st.waybill);
        if (stored.state !== 'valid') {
          // HQ sends statuses only for entries this station already received; if it is missing here (e.g. it was
          // quarantined) or its stored row is damaged, keep the item for a person rather than invent or half-write an entry.
          const why = stored.state === 'absent' ? 'status for a manifest this station does not hold' : `status for a manifest whose stored row is damaged (${stored.reason})`;
          quarantineItem(db, page.stream, st.waybill, why, raw, now);
          quarantined++;
          continue;
        }
        const before = stored.entry;
        const change = diffStatuses(before, st, st.waybill);
        if (change) {
          updateManifestEntry(db, { ...before, consigneeIdStatus: st.consigneeIdStatus, dutiesStatus: st.dutiesStatus }, now);
          statusChanges.push(change);
        }
        applied++;
      }
    }
    setCursor(db, page.stream, page.cursor, now);
    return { applied, quarantined, statusChanges };
  })();
}

/** HQ ordered a fresh download: drop every manifest and the cursor, in one transaction. */
export function resetManifests(db: Database, now: number): void {
  db.transaction(() => {
    deleteAllManifests(db);
    setCursor(db, 'manifests', null, now);
  })();
}
