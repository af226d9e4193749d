/**
 * Retention of print-job bodies (issue 14, item 8): a printed job already keeps only the SHA-256 of its bytes; this
 * also removes the stored document model (consignee name and address, kept so a reprint can re-render) and any
 * rendered bytes of jobs that are no longer waiting to print (done, failed or void)
 *   - at once when their parcel has been synced and left the building (leftTheBuilding.ts), or
 *   - once the job is older than the retention time.
 * A job still queued, being sent or waiting for the browser keeps its model: it has not printed yet.
 * A purged job's model reads PURGED_DOCUMENT_MODEL_JSON; a reprint of it is refused with PURGED_DOCUMENT_MESSAGE.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';
import { INTAKE_LEFT_THE_BUILDING } from './leftTheBuilding.ts';

/** What a purged job's model_json holds (not a document model: nothing can be rendered from it). */
export const PURGED_DOCUMENT_MODEL_JSON = '{"purged":"privacy"}';

/** What a worker reads when a purged document is asked for again. */
export const PURGED_DOCUMENT_MESSAGE =
  'This parcel has left the building; its label data was removed for privacy, so this document cannot be printed again.';

export function isPurgedDocument(row: { readonly model_json: string }): boolean {
  return row.model_json === PURGED_DOCUMENT_MODEL_JSON;
}

/** Purges the bodies of print jobs as above; returns how many jobs were purged. Call inside a transaction. */
export function purgePrintJobBodies(db: Database, options: { readonly now: number; readonly retentionMs: number }): number {
  return prepared(db,
    `UPDATE print_jobs SET model_json = @purged, payload = NULL
      WHERE model_json <> @purged
        AND (state IN ('done', 'failed') OR voided_at IS NOT NULL)
        AND (created_at <= @cutoff OR EXISTS (SELECT 1 FROM intakes i WHERE i.intake_id = print_jobs.intake_id AND ${INTAKE_LEFT_THE_BUILDING}))`,
  ).run({ purged: PURGED_DOCUMENT_MODEL_JSON, cutoff: options.now - options.retentionMs }).changes;
}
