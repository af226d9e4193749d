/**
 * Re-seeds a replaced or restored station (issue 14, M4): an admin action at HQ. In one transaction it revokes the
 * station's tokens, issues a new one, and reads what HQ holds for the station — its highest seq (every seq 1..lastSeq
 * is stored or refused for good) and how many events it stores. The station's `restore-backup --hq-reseed FILE`
 * then resumes after that seq: no SEQ_CONFLICT, and nothing HQ already has is sent again. The file also carries the
 * station's own events after `afterSeq` (the restored backup's last record; default 0, the whole history), which the
 * station replays as already-synced events so the intakes made after its backup are back on it.
 */
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { toInt } from '../db/sqlValues.ts';
import { createStationToken } from '../auth/stationTokens.ts';
import { STATION_RESEED_FORMAT, type ReseedEvent, type StationReseed } from '../../shared/sync/stationReseed.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';

export async function reseedStation(db: HqDb, stationId: string, options: { readonly label?: string; readonly now?: Date; readonly afterSeq?: number } = {}): Promise<StationReseed & { revokedTokens: number }> {
  return db.transaction(async (tx) => {
    const station = await tx.query<{ warehouse: string; last_seq: unknown }>('SELECT warehouse, last_seq FROM stations WHERE station_id = $1 FOR UPDATE', [stationId]);
    const row = station.rows[0];
    if (!row) throw new HqError('NOT_FOUND', `HQ has no station ${stationId}`);
    const revoked = await tx.query('UPDATE station_tokens SET revoked_at = now() WHERE station_id = $1 AND revoked_at IS NULL', [stationId]);
    const count = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM station_events WHERE station_id = $1', [stationId]);
    const afterSeq = options.afterSeq ?? 0;
    const history = await tx.query<{ seq: unknown; event_id: string; command_id: string; intake_id: string | null; type: string; payload: unknown; captured_at: unknown }>(
      'SELECT seq, event_id, command_id, intake_id, type, payload, captured_at FROM station_events WHERE station_id = $1 AND seq > $2 ORDER BY seq',
      [stationId, afterSeq],
    );
    const events: ReseedEvent[] = history.rows.map((e) => ({
      seq: toInt(e.seq, 'seq'), eventId: e.event_id, commandId: e.command_id, intakeId: e.intake_id, type: e.type,
      payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown>, capturedAt: toInt(e.captured_at, 'captured_at'),
    }));
    const warehouse = row.warehouse as Warehouse;
    const { token, tokenId } = await createStationToken(tx, { stationId, warehouse, label: options.label ?? 'reseed' });
    return {
      format: STATION_RESEED_FORMAT,
      stationId,
      warehouse,
      lastSeq: toInt(row.last_seq, 'last_seq'),
      eventCount: toInt(count.rows[0]?.n ?? 0, 'event count'),
      issuedAt: (options.now ?? new Date()).toISOString(),
      tokenId,
      token,
      afterSeq,
      events,
      revokedTokens: revoked.affected,
    };
  });
}
