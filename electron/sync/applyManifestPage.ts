/**
 * Applies one page of the manifests stream in ONE transaction together with its cursor: whole entries are validated
 * with ManifestEntrySchema and upserted with their tracking-number index (manifest_tracking); status items update
 * consigneeIdStatus / dutiesStatus inside entry_json. Returns the status changes it made so the caller can tell the
 * hold shelf AFTER the commit. An item that cannot be read is quarantined (sync_quarantine), never silently dropped,
 * and never blocks the rest of the stream.
 */
import type { Database, Statement } from 'better-sqlite3';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { ManifestItemSchema, type PullPage } from '../../shared/sync/pullWire.ts';
import { quarantineItem, setCursor } from './streamCursors.ts';
import type { ManifestStatusChange } from './manifestStatusChange.ts';

interface Statements {
  get: Statement<[string]>;
  upsert: Statement<[string, string, string, string, number]>;
  setEntry: Statement<[string, number, string]>;
  clearTracking: Statement<[string]>;
  addTracking: Statement<[string, string]>;
}
const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      get: db.prepare('SELECT entry_json FROM manifests WHERE waybill = ?'),
      upsert: db.prepare(
        `INSERT INTO manifests (waybill, warehouse, destination, entry_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (waybill) DO UPDATE SET warehouse = excluded.warehouse, destination = excluded.destination,
           entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
      ),
      setEntry: db.prepare('UPDATE manifests SET entry_json = ?, updated_at = ? WHERE waybill = ?'),
      clearTracking: db.prepare('DELETE FROM manifest_tracking WHERE waybill = ?'),
      addTracking: db.prepare('INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) VALUES (?, ?)'),
    };
    cache.set(db, s);
  }
  return s;
}

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
  const s = statements(db);
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
        const existing = s.get.get(e.waybill) as { entry_json: string } | undefined;
        if (existing) {
          const change = diffStatuses(JSON.parse(existing.entry_json) as Partial<ManifestEntry>, e, e.waybill);
          if (change) statusChanges.push(change);
          s.clearTracking.run(e.waybill);
        }
        s.upsert.run(e.waybill, e.warehouse, e.destination, JSON.stringify(e), now);
        for (const t of e.inboundTracking) s.addTracking.run(t, e.waybill);
        applied++;
      } else {
        const st = item.data;
        const existing = s.get.get(st.waybill) as { entry_json: string } | undefined;
        if (!existing) {
          // HQ sends statuses only for entries this station already received; if it is missing here (e.g. it was
          // quarantined), keep the item for a person rather than invent an entry.
          quarantineItem(db, page.stream, st.waybill, 'status for a manifest this station does not hold', raw, now);
          quarantined++;
          continue;
        }
        const before = JSON.parse(existing.entry_json) as ManifestEntry;
        const change = diffStatuses(before, st, st.waybill);
        if (change) {
          s.setEntry.run(JSON.stringify({ ...before, consigneeIdStatus: st.consigneeIdStatus, dutiesStatus: st.dutiesStatus }), now, st.waybill);
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
    db.prepare('DELETE FROM manifest_tracking').run();
    db.prepare('DELETE FROM manifests').run();
    setCursor(db, 'manifests', null, now);
  })();
}
