/** `npm run hq -- token create|revoke|list`. The token is printed once; HQ keeps only its hash. */
import { writeFileSync } from 'node:fs';
import { openHqDb } from '../../db/openHqDb.ts';
import { createStationToken, revokeStationToken } from '../../auth/stationTokens.ts';
import { resolveHqSettings } from '../hqSettings.ts';
import { CliUsageError } from '../cliError.ts';
import { WAREHOUSES } from '../../../shared/manifest/destinations.ts';

export async function tokenCommand(sub: string | undefined, flags: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const settings = resolveHqSettings(flags, process.env);
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  if (sub === 'create') {
    const stationId = str('station');
    const warehouse = WAREHOUSES.find((w) => w === str('warehouse'));
    if (!stationId || !warehouse) throw new CliUsageError('token create --station LAX-01 --warehouse LAX|CHI [--label TEXT] [--out FILE]');
    const db = await openHqDb(settings.db);
    try {
      const { token, tokenId } = await createStationToken(db, { stationId, warehouse, ...(str('label') ? { label: str('label') as string } : {}) });
      const out = str('out');
      if (out) {
        writeFileSync(out, `${token}\n`, { mode: 0o600 });
        process.stdout.write(`token ${tokenId} for ${stationId} (${warehouse}) written to ${out}\n`);
      } else {
        process.stdout.write(`${token}\n`);
        process.stderr.write(`token ${tokenId} for ${stationId} (${warehouse}); HQ keeps only its hash: store it now.\n`);
      }
    } finally {
      await db.close();
    }
    return;
  }
  if (sub === 'revoke') {
    const tokenId = str('token-id');
    if (!tokenId) throw new CliUsageError('token revoke --token-id ID');
    const db = await openHqDb(settings.db);
    try {
      const done = await revokeStationToken(db, tokenId);
      process.stdout.write(done ? `revoked ${tokenId}\n` : `no active token ${tokenId}\n`);
    } finally {
      await db.close();
    }
    return;
  }
  if (sub === 'list') {
    const db = await openHqDb(settings.db);
    try {
      const res = await db.query<{ token_id: string; station_id: string; warehouse: string; label: string | null; revoked: boolean }>(
        `SELECT t.token_id, t.station_id, s.warehouse, t.label, t.revoked_at IS NOT NULL AS revoked
           FROM station_tokens t JOIN stations s USING (station_id) ORDER BY t.station_id, t.created_at`,
      );
      for (const r of res.rows) {
        process.stdout.write(`${r.token_id}  ${r.station_id}  ${r.warehouse}  ${r.revoked ? 'revoked' : 'active'}  ${r.label ?? ''}\n`);
      }
    } finally {
      await db.close();
    }
    return;
  }
  throw new CliUsageError('token create|revoke|list');
}
