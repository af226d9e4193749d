/**
 * SQL for the pre-alert manifests on the station (manifests and its tracking-number index manifest_tracking,
 * migration 0020): lookup by ECMS waybill or by any inbound tracking number, the one upsert (used by the demo seed,
 * the tests and the sync pull), a status update, and the reset. Stored entries are validated with
 * ManifestEntrySchema when read. Statements are prepared once per database handle (statementCache.ts).
 */
import type { Database, Statement } from 'better-sqlite3';
import { DUTY_STATUSES, ID_STATUSES, ManifestEntrySchema, type ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { StationError } from '../../station/stationError.ts';
import { prepared } from '../statementCache.ts';
import { INTAKE_LEFT_THE_BUILDING } from './leftTheBuilding.ts';

interface Statements {
  find: Statement<[{ code: string }]>;
  get: Statement<[string]>;
  upsert: Statement<[string, string, string, string, number]>;
  setEntry: Statement<[string, number, string]>;
  clearTracking: Statement<[string]>;
  addTracking: Statement<[string, string]>;
}

function statements(db: Database): Statements {
  // Each statement is prepared once per handle by the shared cache (electron/db/statementCache.ts).
  return {
    find: prepared(db,
      `SELECT waybill, entry_json FROM manifests WHERE waybill = @code
       UNION ALL
       SELECT m.waybill, m.entry_json FROM manifest_tracking t JOIN manifests m ON m.waybill = t.waybill WHERE t.tracking = @code
       LIMIT 1`,
    ),
    get: prepared(db, 'SELECT entry_json FROM manifests WHERE waybill = ?'),
    upsert: prepared(db,
      `INSERT INTO manifests (waybill, warehouse, destination, entry_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (waybill) DO UPDATE SET warehouse = excluded.warehouse, destination = excluded.destination,
         entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
    ),
    setEntry: prepared(db, 'UPDATE manifests SET entry_json = ?, updated_at = ? WHERE waybill = ?'),
    clearTracking: prepared(db, 'DELETE FROM manifest_tracking WHERE waybill = ?'),
    addTracking: prepared(db, 'INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) VALUES (?, ?)'),
  };
}

/** A stored manifest as read back: absent, a valid entry, or a row that is not a valid entry (and why). */
export type StoredManifest =
  | { readonly state: 'absent' }
  | { readonly state: 'valid'; readonly entry: ManifestEntry }
  | { readonly state: 'damaged'; readonly reason: string };

function checkStored(json: string): StoredManifest {
  let body: unknown;
  try {
    body = JSON.parse(json) as unknown;
  } catch {
    return { state: 'damaged', reason: 'not readable JSON' };
  }
  const parsed = ManifestEntrySchema.safeParse(body);
  return parsed.success ? { state: 'valid', entry: parsed.data } : { state: 'damaged', reason: parsed.error.issues[0]?.message ?? 'invalid' };
}

function entryOrThrow(json: string, waybill: string): ManifestEntry {
  const stored = checkStored(json);
  if (stored.state !== 'valid') {
    throw new StationError('STORAGE_FAILED', `The stored manifest for ${waybill} is damaged (${stored.state === 'damaged' ? stored.reason : 'missing'}); re-pull manifests from HQ.`);
  }
  return stored.entry;
}

export function findManifest(db: Database, trackingOrWaybill: string): ManifestEntry | null {
  const row = statements(db).find.get({ code: trackingOrWaybill }) as { waybill: string; entry_json: string } | undefined;
  return row ? entryOrThrow(row.entry_json, row.waybill) : null;
}

export function getManifest(db: Database, waybill: string): ManifestEntry | null {
  const row = statements(db).get.get(waybill) as { entry_json: string } | undefined;
  return row ? entryOrThrow(row.entry_json, waybill) : null;
}

/** The stored manifest of a waybill without throwing: the sync pull decides what a damaged row means. */
export function readStoredManifest(db: Database, waybill: string): StoredManifest {
  const row = statements(db).get.get(waybill) as { entry_json: string } | undefined;
  return row ? checkStored(row.entry_json) : { state: 'absent' };
}

/** The stored statuses of some waybills, in one read (the pull's status diff; no parse of whole entries). A row whose
 *  statuses cannot be read (not JSON, a status missing or unknown) is `damaged`; a waybill not stored is left out. */
export type StoredStatuses =
  | { readonly state: 'valid'; readonly consigneeIdStatus: ManifestEntry['consigneeIdStatus']; readonly dutiesStatus: ManifestEntry['dutiesStatus'] }
  | { readonly state: 'damaged' };

export function storedStatusesOf(db: Database, waybills: readonly string[]): Map<string, StoredStatuses> {
  const rows = prepared(db,
    `SELECT m.waybill, CASE WHEN json_valid(m.entry_json) THEN json_extract(m.entry_json, '$.consigneeIdStatus') END AS id,
            CASE WHEN json_valid(m.entry_json) THEN json_extract(m.entry_json, '$.dutiesStatus') END AS duty
       FROM json_each(?) w JOIN manifests m ON m.waybill = w.value`,
  ).all(JSON.stringify(waybills)) as Array<{ waybill: string; id: unknown; duty: unknown }>;
  const out = new Map<string, StoredStatuses>();
  for (const r of rows) {
    const id = ID_STATUSES.find((x) => x === r.id);
    const duty = DUTY_STATUSES.find((x) => x === r.duty);
    out.set(r.waybill, id !== undefined && duty !== undefined ? { state: 'valid', consigneeIdStatus: id, dutiesStatus: duty } : { state: 'damaged' });
  }
  return out;
}

/** Inserts or replaces one manifest and its tracking index. Call inside a transaction for batches. */
export function upsertManifest(db: Database, entry: ManifestEntry, at: number): void {
  const s = statements(db);
  s.upsert.run(entry.waybill, entry.warehouse, entry.destination, JSON.stringify(entry), at);
  s.clearTracking.run(entry.waybill);
  for (const tracking of entry.inboundTracking) s.addTracking.run(tracking, entry.waybill);
}

/** Rewrites a stored entry whose waybill, warehouse, destination and tracking numbers are unchanged (a status update). */
export function updateManifestEntry(db: Database, entry: ManifestEntry, at: number): void {
  statements(db).setEntry.run(JSON.stringify(entry), at, entry.waybill);
}

/** Drops every manifest and its tracking index. Call inside a transaction. */
export function deleteAllManifests(db: Database): void {
  prepared(db, 'DELETE FROM manifest_tracking').run();
  prepared(db, 'DELETE FROM manifests').run();
}

export function countManifests(db: Database): number {
  return (prepared(db, 'SELECT count(*) AS n FROM manifests').get() as { n: number }).n;
}

/** What a purged manifest's consignee name reads (the entry stays valid; the name is gone). */
export const PURGED_CONSIGNEE_NAME = '(name removed)';

/**
 * Retention (issue 14, item 8): removes consignee names (and the native-script consignee) from stored manifests
 *   - not updated for `retentionMs` (a pre-alert the station kept that long), or
 *   - at once when their parcel has left the building: an intake of the waybill is finished ('ready'), is not on the
 *     hold shelf, and every one of its events has been acknowledged by HQ.
 * Names stay while a slip may still need them (a parcel on the shelf, or not yet synced). Returns how many entries
 * were purged. Call inside a transaction for a consistent sweep.
 */
export function purgeConsigneeNames(db: Database, options: { readonly now: number; readonly retentionMs: number }): number {
  const rows = prepared(db,
      `SELECT m.waybill, m.entry_json FROM manifests m
        WHERE json_extract(m.entry_json, '$.consigneeName') IS NOT @purged
          AND (m.updated_at <= @cutoff OR EXISTS (
            SELECT 1 FROM intakes i WHERE i.waybill = m.waybill AND ${INTAKE_LEFT_THE_BUILDING}))`,
    )
    .all({ purged: PURGED_CONSIGNEE_NAME, cutoff: options.now - options.retentionMs }) as Array<{ waybill: string; entry_json: string }>;
  let purged = 0;
  for (const row of rows) {
    const stored = checkStored(row.entry_json);
    if (stored.state !== 'valid') continue;
    const { consigneeNative: _native, ...rest } = stored.entry;
    statements(db).setEntry.run(JSON.stringify({ ...rest, consigneeName: PURGED_CONSIGNEE_NAME }), options.now, row.waybill);
    purged++;
  }
  return purged;
}
