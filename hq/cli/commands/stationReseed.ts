/**
 * `npm run hq -- station-reseed --station ID --out FILE [--after-seq N] [--label TEXT]`: for a station whose machine was
 * replaced or whose database was restored from a backup. Revokes the station's tokens, issues a new one and writes the
 * reseed file (mode 0600: it holds the token) that the station's `npm run cli -- restore-backup --hq-reseed FILE`
 * reads, with the station's events after record N (default 0: all of them) for the station to replay.
 */
import { writeFileSync } from 'node:fs';
import { openHqDb } from '../../db/openHqDb.ts';
import { reseedStation } from '../../admin/reseedStation.ts';
import { resolveHqSettings } from '../hqSettings.ts';
import { CliUsageError } from '../cliError.ts';

export async function stationReseedCommand(flags: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const stationId = str('station');
  const out = str('out');
  const usage = 'station-reseed --station LAX-01 --out FILE [--after-seq N] [--label TEXT]';
  if (!stationId || !out) throw new CliUsageError(usage);
  const afterText = str('after-seq');
  const afterSeq = afterText === undefined ? 0 : /^\d{1,15}$/.test(afterText) ? Number(afterText) : Number.NaN;
  if (!Number.isSafeInteger(afterSeq)) throw new CliUsageError(usage);
  const db = await openHqDb(resolveHqSettings(flags, process.env).db);
  try {
    const label = str('label');
    const { revokedTokens, ...reseed } = await reseedStation(db, stationId, label ? { label, afterSeq } : { afterSeq });
    writeFileSync(out, `${JSON.stringify(reseed, null, 2)}\n`, { mode: 0o600 });
    process.stdout.write(
      `${stationId}: HQ holds records 1..${reseed.lastSeq} (${reseed.eventCount} stored); ${revokedTokens} old token(s) revoked, new token ${reseed.tokenId}.\n` +
        `The file carries the station's ${reseed.events.length} record(s) after ${afterSeq}, for the station to take back.\n` +
        `Reseed file written to ${out}. On the station: npm run cli -- restore-backup --data-dir DIR --hq-reseed ${out}\n`,
    );
  } finally {
    await db.close();
  }
}
