/**
 * Serves one page of a pull stream for an authenticated station, as the JSON text of a PullResponse
 * (shared/sync/pullWire.ts). Manifests are scoped to the token's warehouse; reference documents are global.
 * Manifest entries are embedded as the jsonb text Postgres already has, never parsed and re-serialised here.
 */
import type { HqDb } from '../db/hqDb.ts';
import { toInt } from '../db/sqlValues.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';
import type { PullQuery, PullStream } from '../../shared/sync/pullWire.ts';
import { DEFAULT_PULL_LIMIT } from '../../shared/sync/pullWire.ts';
import { decodeCursor, encodeCursor } from './streamCursor.ts';
import { currentEpoch, headVersion } from './streamEpochs.ts';

const REFERENCE_KIND: Record<Exclude<PullStream, 'manifests'>, string> = { rateCards: 'rateCard', prohibitedRules: 'prohibitedRules' };

function scopeOf(stream: PullStream, principal: StationPrincipal): string {
  return stream === 'manifests' ? principal.warehouse : '*';
}

function resetJson(stream: PullStream, reason: string): string {
  return JSON.stringify({ reset: true, stream, reason });
}

function pageJson(stream: PullStream, cursor: string, upToDate: boolean, remaining: number | null, itemsJson: string[]): string {
  const rem = remaining === null ? '' : `,"remaining":${remaining}`;
  return `{"reset":false,"stream":${JSON.stringify(stream)},"cursor":${JSON.stringify(cursor)},"upToDate":${upToDate}${rem},"items":[${itemsJson.join(',')}]}`;
}

export async function pullPage(db: HqDb, principal: StationPrincipal, stream: PullStream, query: PullQuery): Promise<string> {
  const scope = scopeOf(stream, principal);
  const limit = query.limit ?? DEFAULT_PULL_LIMIT;
  const epoch = await currentEpoch(db, stream, scope);
  let after = 0;
  if (query.cursor !== undefined) {
    const c = decodeCursor(query.cursor);
    if (!c || c.s !== stream) return resetJson(stream, 'HQ does not recognise this cursor');
    if (c.sc !== scope) return resetJson(stream, `This cursor is for ${c.sc}, not ${scope}`);
    if (c.e !== epoch) return resetJson(stream, 'HQ ordered a fresh download of this stream');
    if (c.n > (await headVersion(db))) return resetJson(stream, 'This cursor is ahead of HQ (HQ data restored?)');
    after = c.n;
  }

  let items: string[];
  let lastVersion = after;
  let fetched: number;
  let remainingSql: { sql: string; params: unknown[] };
  if (stream === 'manifests') {
    // Each row is up to two changes: its entry (at entry_version) and its latest statuses (at status_version).
    // A row whose entry is new to the cursor is sent whole (with current statuses) at entry_version; a row whose
    // entry the station already holds is sent only its statuses, at status_version. Both are index range scans.
    const res = await db.query<{ waybill: string; k: unknown; op: 'upsert' | 'status'; entry_text: string | null; id_status: string; duties_status: string }>(
      `SELECT * FROM (
         (SELECT waybill, entry_version AS k, 'upsert' AS op, entry::text AS entry_text,
                 entry->>'consigneeIdStatus' AS id_status, entry->>'dutiesStatus' AS duties_status
            FROM manifests WHERE warehouse = $1 AND entry_version > $2 ORDER BY entry_version LIMIT $3)
         UNION ALL
         (SELECT waybill, status_version AS k, 'status' AS op, NULL AS entry_text,
                 entry->>'consigneeIdStatus' AS id_status, entry->>'dutiesStatus' AS duties_status
            FROM manifests WHERE warehouse = $1 AND status_version > $2 AND entry_version <= $2 ORDER BY status_version LIMIT $3)
       ) AS changes ORDER BY k LIMIT $3`,
      [scope, after, limit + 1],
    );
    fetched = res.rows.length;
    const rows = res.rows.slice(0, limit);
    items = rows.map((r) =>
      r.op === 'upsert' && r.entry_text !== null
        ? `{"op":"upsert","entry":${r.entry_text}}`
        : JSON.stringify({ op: 'status', waybill: r.waybill, consigneeIdStatus: r.id_status, dutiesStatus: r.duties_status }),
    );
    const last = rows.at(-1);
    if (last) lastVersion = toInt(last.k, 'version');
    remainingSql = {
      sql: 'SELECT count(*) AS n FROM manifests WHERE warehouse = $1 AND (entry_version > $2 OR status_version > $2)',
      params: [scope, lastVersion],
    };
  } else {
    const kind = REFERENCE_KIND[stream];
    const res = await db.query<{ doc_id: string; doc_version: string; body_text: string; version: unknown }>(
      `SELECT doc_id, doc_version, body::text AS body_text, version
         FROM reference_docs WHERE kind = $1 AND version > $2 ORDER BY version LIMIT $3`,
      [kind, after, limit + 1],
    );
    fetched = res.rows.length;
    const rows = res.rows.slice(0, limit);
    items = rows.map(
      (r) => `{"op":"upsert","doc":{"kind":${JSON.stringify(kind)},"docId":${JSON.stringify(r.doc_id)},"version":${JSON.stringify(r.doc_version)},"body":${r.body_text}}}`,
    );
    const last = rows.at(-1);
    if (last) lastVersion = toInt(last.version, 'version');
    remainingSql = { sql: 'SELECT count(*) AS n FROM reference_docs WHERE kind = $1 AND version > $2', params: [kind, lastVersion] };
  }
  let remaining: number | null = null;
  if (query.withRemaining === '1') {
    const r = await db.query<{ n: unknown }>(remainingSql.sql, remainingSql.params);
    remaining = toInt(r.rows[0]?.n ?? 0, 'count');
  }
  const cursor = encodeCursor({ s: stream, sc: scope, e: epoch, n: lastVersion });
  return pageJson(stream, cursor, fetched <= limit, remaining, items);
}
