/** The current epoch of a stream in a scope (1 until someone orders a reset), and bumping it. */
import type { HqSql } from '../db/hqDb.ts';
import { toInt } from '../db/sqlValues.ts';

export async function currentEpoch(sql: HqSql, stream: string, scope: string): Promise<number> {
  const res = await sql.query<{ epoch: unknown }>('SELECT epoch FROM stream_epochs WHERE stream = $1 AND scope = $2', [stream, scope]);
  return res.rows[0] ? toInt(res.rows[0].epoch, 'epoch') : 1;
}

/** Orders every station holding a cursor of this stream and scope to drop its copy and download again. */
export async function bumpEpoch(sql: HqSql, stream: string, scope: string, reason: string): Promise<number> {
  const res = await sql.query<{ epoch: unknown }>(
    `INSERT INTO stream_epochs (stream, scope, epoch, reason) VALUES ($1, $2, 2, $3)
     ON CONFLICT (stream, scope) DO UPDATE SET epoch = stream_epochs.epoch + 1, reason = EXCLUDED.reason
     RETURNING epoch`,
    [stream, scope, reason],
  );
  return toInt(res.rows[0]?.epoch, 'epoch');
}

/** The highest version number ever drawn (0 if none). */
export async function headVersion(sql: HqSql): Promise<number> {
  const res = await sql.query<{ last_value: unknown; is_called: boolean }>('SELECT last_value, is_called FROM change_version');
  const row = res.rows[0];
  if (!row) return 0;
  return row.is_called ? toInt(row.last_value, 'version') : 0;
}
