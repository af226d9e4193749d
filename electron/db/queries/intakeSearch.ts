/**
 * Parcel lookup SQL (issue 12 item 2, migration 0080): find intakes by any of their numbers or by part of the stored
 * consignee name, and list them by day, verdict, reason and operator, newest first. Every page is keyed by the last
 * row's (created_at, intake_id), never an OFFSET, so page 500 costs what page 1 does. Each statement answers from an
 * index; test/unit/db/intakeSearchPlans.test.ts asserts the plans (no full scan of intakes).
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

/** One found intake with what the lookup list shows of it. */
export interface SearchRow {
  intake_id: string;
  state: string;
  tracking: string;
  waybill: string | null;
  decision: string | null;
  verdict_json: string | null;
  operator: string;
  created_at: number;
  consignee_name: string | null;
  hold_location: string | null;
  matched: string | null;
}

export interface PageKey {
  readonly createdAt: number;
  readonly intakeId: string;
}

/** What a text search looks for; a null field is not searched. */
export interface NumberSearch {
  /** The number as typed, upper case, spaces removed: inbound tracking, waybill or shelf slot. */
  readonly code: string;
  /** The tracking number the station's classifier reads in it (a GS1-128 label's number, a check digit kept …). */
  readonly scanned: string;
  /** A return reference's waybill ("RT" + waybill) or tracking ("RTN" + tracking). */
  readonly returnWaybill: string | null;
  readonly returnTracking: string | null;
  /** A LIKE pattern for the consignee name (%part%), or null when the text is too short for a name. */
  readonly namePattern: string | null;
}

export interface ListFilters {
  readonly from?: number;
  readonly to?: number;
  readonly decision?: string;
  readonly reason?: string;
  readonly operator?: string;
}

/** What the list shows beside the intake row: the stored consignee name and the open hold's shelf slot. */
const SHOWN = `i.intake_id, i.state, i.tracking, i.waybill, i.decision, i.verdict_json, i.operator, i.created_at,
  (SELECT CASE WHEN json_valid(m.entry_json) THEN json_extract(m.entry_json, '$.consigneeName') END FROM manifests m WHERE m.waybill = i.waybill) AS consignee_name,
  (SELECT h.location FROM holds h WHERE h.intake_id = i.intake_id AND h.state = 'held') AS hold_location`;

/** A shelf slot finds the parcel held there now and the ones held there before it, at most this many. */
export const SLOT_HISTORY_MAX = 50;
/** A partial name finds at most this many parcels, the newest pre-alerts first: type more of the name for others. */
export const NAME_MATCH_MAX = 500;

/**
 * Intakes matching a number or name, newest first. The matched kinds are tried each through its own index and the
 * union is ordered and paged on the small set of hits; a parcel found twice is shown once, by its strongest match
 * (a number before a name: SQLite takes `matched` from the row holding min(rank)).
 */
export const SEARCH_SQL = `
  WITH hits(intake_id, matched, rank) AS (
    SELECT intake_id, 'tracking', 1 FROM intakes WHERE tracking IN (@code, @scanned)
    UNION ALL SELECT i.intake_id, 'tracking', 1 FROM manifest_tracking t JOIN intakes i ON i.waybill = t.waybill WHERE t.tracking IN (@code, @scanned)
    UNION ALL SELECT intake_id, 'waybill', 2 FROM intakes WHERE waybill = @code
    UNION ALL SELECT intake_id, 'returnReference', 3 FROM intakes WHERE @returnWaybill IS NOT NULL AND waybill = @returnWaybill
    UNION ALL SELECT intake_id, 'returnReference', 3 FROM intakes WHERE @returnTracking IS NOT NULL AND tracking = @returnTracking AND waybill IS NULL
    UNION ALL SELECT intake_id, 'shelfSlot', 4 FROM (
      SELECT intake_id FROM holds WHERE location = @code ORDER BY held_at DESC LIMIT ${SLOT_HISTORY_MAX})
    UNION ALL SELECT intake_id, 'consigneeName', 5 FROM (
      SELECT i.intake_id FROM manifest_names n JOIN intakes i ON i.waybill = n.waybill
      WHERE @namePattern IS NOT NULL AND n.name LIKE @namePattern ORDER BY n.rowid DESC LIMIT ${NAME_MATCH_MAX})
  )
  SELECT ${SHOWN}, h.matched AS matched, min(h.rank) AS rank
  FROM hits h JOIN intakes i ON i.intake_id = h.intake_id
  WHERE @afterAt IS NULL OR (i.created_at, i.intake_id) < (@afterAt, @afterId)
  GROUP BY i.intake_id
  ORDER BY i.created_at DESC, i.intake_id DESC
  LIMIT @limit`;

function keyParams(after: PageKey | undefined): { afterAt: number | null; afterId: string | null } {
  return { afterAt: after?.createdAt ?? null, afterId: after?.intakeId ?? null };
}

export function searchIntakes(db: Database, search: NumberSearch, after: PageKey | undefined, limit: number): SearchRow[] {
  return prepared(db, SEARCH_SQL).all({ ...search, ...keyParams(after), limit }) as SearchRow[];
}

/**
 * The list SQL for the filters given. With a reason the reason index drives (intake_reasons is ordered by code,
 * time, id); otherwise SQLite picks the verdict, operator or time index. Only the filters present are in the text, so
 * each combination is one cached statement with a plan of its own.
 */
export function listSql(filters: ListFilters, paged: boolean): string {
  const byReason = filters.reason !== undefined;
  const at = byReason ? 'r.created_at' : 'i.created_at';
  const id = byReason ? 'r.intake_id' : 'i.intake_id';
  const where: string[] = [];
  if (byReason) where.push('r.code = @reason');
  if (filters.from !== undefined) where.push(`${at} >= @from`);
  if (filters.to !== undefined) where.push(`${at} < @to`);
  if (filters.decision !== undefined) where.push('i.decision = @decision');
  if (filters.operator !== undefined) where.push('i.operator = @operator');
  if (paged) where.push(`(${at}, ${id}) < (@afterAt, @afterId)`);
  const from = byReason ? 'intake_reasons r JOIN intakes i ON i.intake_id = r.intake_id' : 'intakes i';
  return `SELECT ${SHOWN}, NULL AS matched FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${at} DESC, ${id} DESC LIMIT @limit`;
}

export function listIntakes(db: Database, filters: ListFilters, after: PageKey | undefined, limit: number): SearchRow[] {
  const params: Record<string, unknown> = { limit };
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params[key] = value;
  if (after) Object.assign(params, keyParams(after));
  return prepared(db, listSql(filters, after !== undefined)).all(params) as SearchRow[];
}

/** One event of an intake's trail with where it stands in the outbox. */
export interface TrailRow {
  seq: number;
  type: string;
  payload: string;
  captured_at: number;
  outbox_state: 'pending' | 'acked' | 'dead' | null;
  last_error: string | null;
}

export function intakeTrail(db: Database, intakeId: string): TrailRow[] {
  return prepared(
    db,
    `SELECT e.seq, e.type, e.payload, e.captured_at, o.state AS outbox_state, o.last_error
     FROM events e LEFT JOIN outbox o ON o.seq = e.seq WHERE e.intake_id = ? ORDER BY e.seq`,
  ).all(intakeId) as TrailRow[];
}
