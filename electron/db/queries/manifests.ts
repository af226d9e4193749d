/**
 * Pre-alert manifests on the station: lookup by ECMS waybill or by any inbound tracking number, and upsert.
 */
import type { Database } from 'better-sqlite3';
import { ManifestEntrySchema, type ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { StationError } from '../../station/stationError.ts';

function parseEntry(json: string, waybill: string): ManifestEntry {
  const parsed = ManifestEntrySchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new StationError('STORAGE_FAILED', `The stored manifest for ${waybill} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}); re-pull manifests from HQ.`);
  }
  return parsed.data;
}

export function findManifest(db: Database, trackingOrWaybill: string): ManifestEntry | null {
  const row = db
    .prepare(
      `SELECT waybill, entry_json FROM manifests WHERE waybill = @code
       UNION ALL
       SELECT m.waybill, m.entry_json FROM manifest_tracking t JOIN manifests m ON m.waybill = t.waybill WHERE t.tracking = @code
       LIMIT 1`,
    )
    .get({ code: trackingOrWaybill }) as { waybill: string; entry_json: string } | undefined;
  return row ? parseEntry(row.entry_json, row.waybill) : null;
}

export function getManifest(db: Database, waybill: string): ManifestEntry | null {
  const row = db.prepare('SELECT entry_json FROM manifests WHERE waybill = ?').get(waybill) as { entry_json: string } | undefined;
  return row ? parseEntry(row.entry_json, waybill) : null;
}

/** Inserts or replaces one manifest and its tracking index. Call inside a transaction for batches. */
export function upsertManifest(db: Database, entry: ManifestEntry, at: number): void {
  db.prepare(
    `INSERT INTO manifests (waybill, warehouse, destination, entry_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (waybill) DO UPDATE SET warehouse = excluded.warehouse, destination = excluded.destination,
       entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
  ).run(entry.waybill, entry.warehouse, entry.destination, JSON.stringify(entry), at);
  db.prepare('DELETE FROM manifest_tracking WHERE waybill = ?').run(entry.waybill);
  const insert = db.prepare('INSERT OR IGNORE INTO manifest_tracking (tracking, waybill) VALUES (?, ?)');
  for (const tracking of entry.inboundTracking) insert.run(tracking, entry.waybill);
}

export function countManifests(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM manifests').get() as { n: number }).n;
}
