/**
 * A station database in a temp directory with parcels seeded (intake rows + their manifests, since print jobs
 * and events reference intakes), and a PrintQueue over it with fast retries.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { openStationDatabase } from '../../../../electron/db/openStationDatabase.ts';
import { insertIntake, type IntakeRow } from '../../../../electron/db/queries/intakes.ts';
import { upsertManifest } from '../../../../electron/db/queries/manifests.ts';
import { PrintQueue } from '../../../../electron/printing/printQueue.ts';
import type { PrinterPorts } from '../../../../electron/printing/sendToPrinter.ts';
import type { IntakeView } from '../../../../shared/contract/intakeView.ts';
import type { ManifestEntry } from '../../../../shared/manifest/manifestEntry.ts';
import type { PrintQueueStatus } from '../../../../shared/printing/printJob.ts';
import { STATION } from '../../../unit/printing/support/parcels.ts';

export const FAST_RETRY = { baseMs: 40, capMs: 200 } as const;

export function seedParcel(db: Database, intake: IntakeView, manifest: ManifestEntry | null): void {
  if (manifest !== null) upsertManifest(db, manifest, intake.createdAt);
  const row: IntakeRow = {
    intake_id: intake.intakeId, station_id: STATION.stationId, state: intake.state, scan_raw: intake.scan.raw, scan_kind: intake.scan.kind,
    carrier: intake.scan.carrier, tracking: intake.scan.tracking, waybill: intake.manifest?.waybill ?? null, destination: intake.manifest?.destination ?? null,
    mass_q: intake.weight?.mass ?? null, mass_source: intake.weight?.source ?? null, mass_unit: intake.weight?.unit ?? null,
    manual_reason: intake.weight?.manualReason ?? null, length_nm: intake.dims?.length ?? null, width_nm: intake.dims?.width ?? null,
    height_nm: intake.dims?.height ?? null, dims_unit: intake.dims?.unit ?? null, damaged: intake.damaged ? 1 : 0,
    decision: intake.verdict?.decision ?? null, verdict_json: intake.verdict === null ? null : JSON.stringify(intake.verdict),
    operator: intake.operator, created_at: intake.createdAt, updated_at: intake.updatedAt,
  };
  insertIntake(db, row);
}

export function openQueue(dir: string, ports: PrinterPorts = { systemPrinter: null }, log: string[] = []): { db: Database; queue: PrintQueue } {
  const db = openStationDatabase(dir);
  const queue = new PrintQueue({ db, station: () => STATION, ports, retry: FAST_RETRY, log: (line) => log.push(line) });
  return { db, queue };
}

/** Resolves with the queue status once `predicate` holds (checked now and after every queue change). */
export function waitForStatus(queue: PrintQueue, predicate: (s: PrintQueueStatus) => boolean, what: string, timeoutMs = 20_000): Promise<PrintQueueStatus> {
  return new Promise((resolve, reject) => {
    const now = queue.status();
    if (predicate(now)) return resolve(now);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for: ${what}; queue: ${JSON.stringify(queue.status().jobs.map((j) => [j.state, j.attempts, j.lastError?.code]))}`));
    }, timeoutMs);
    const off = queue.onStatus((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

export function eventsOf(db: Database, intakeId: string): Array<{ type: string; payload: Record<string, unknown> }> {
  return (db.prepare('SELECT type, payload FROM events WHERE intake_id = ? ORDER BY seq').all(intakeId) as Array<{ type: string; payload: string }>).map(
    (e) => ({ type: e.type, payload: JSON.parse(e.payload) as Record<string, unknown> }),
  );
}

/** After printing a job keeps the hash of the bytes it sent, not the bytes: checks `sent` against it. */
export function isPrintedBody(db: Database, jobId: string, sent: Buffer): boolean {
  const row = db.prepare('SELECT payload, body_sha256 FROM print_jobs WHERE job_id = ?').get(jobId) as { payload: Buffer | null; body_sha256: string | null };
  return row.payload === null && row.body_sha256 === createHash('sha256').update(sent).digest('hex');
}
