/**
 * Records that a consignee's ID was received (or found invalid) or that duties were paid: updates the status in the
 * manifest entry, gives its status a new version (stations holding the entry are sent just the statuses, see
 * hq/streams/pullPage.ts) and keeps an audit row in status_changes — one transaction.
 */
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { takeChangeLock } from '../streams/changeLock.ts';
import { z } from 'zod';
import { DUTY_STATUSES, ID_STATUSES } from '../../shared/manifest/manifestEntry.ts';

export const IdStatusSchema = z.enum(ID_STATUSES);
export const DutyStatusSchema = z.enum(DUTY_STATUSES);

export type StatusField = 'consigneeIdStatus' | 'dutiesStatus';

export interface StatusChangeResult {
  readonly waybill: string;
  readonly changed: boolean;
}

async function recordStatus(db: HqDb, waybill: string, field: StatusField, value: string, note: string | null): Promise<StatusChangeResult> {
  return db.transaction(async (tx) => {
    await takeChangeLock(tx);
    const exists = await tx.query<{ current: string | null }>(`SELECT entry->>'${field}' AS current FROM manifests WHERE waybill = $1 FOR UPDATE`, [waybill]);
    const row = exists.rows[0];
    if (!row) throw new HqError('NOT_FOUND', `No manifest with waybill ${waybill}`);
    if (row.current === value) return { waybill, changed: false };
    await tx.query(
      `UPDATE manifests SET entry = jsonb_set(entry, '{${field}}', to_jsonb($2::text)),
              status_version = nextval('change_version'), updated_at = now()
        WHERE waybill = $1`,
      [waybill, value],
    );
    await tx.query(
      'INSERT INTO status_changes (waybill, consignee_id_status, duties_status, note) VALUES ($1, $2, $3, $4)',
      [waybill, field === 'consigneeIdStatus' ? value : null, field === 'dutiesStatus' ? value : null, note],
    );
    return { waybill, changed: true };
  });
}

export function recordConsigneeId(db: HqDb, waybill: string, status: z.infer<typeof IdStatusSchema>, note: string | null = null): Promise<StatusChangeResult> {
  return recordStatus(db, waybill, 'consigneeIdStatus', IdStatusSchema.parse(status), note);
}

export function recordDuties(db: HqDb, waybill: string, status: z.infer<typeof DutyStatusSchema>, note: string | null = null): Promise<StatusChangeResult> {
  return recordStatus(db, waybill, 'dutiesStatus', DutyStatusSchema.parse(status), note);
}
