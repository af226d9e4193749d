/**
 * `npm run cli -- restore-backup --data-dir DIR [--hq-reseed FILE]`: recovers a station whose database is lost,
 * emptied or damaged (electron/db/restoreStation.ts). The damaged file is moved aside, the newest good backup is put
 * back, and with HQ's reseed file (`npm run hq -- station-reseed --station ID --out FILE`) the records HQ holds after
 * the backup are put back (intakes and holds rebuilt) and the station resumes after the last record HQ holds, with
 * the new token HQ issued. Exit 0 restored, 1 nothing restored, 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { StationReseedSchema, type StationReseed } from '../../../shared/sync/stationReseed.ts';
import { restoreStation } from '../../db/restoreStation.ts';
import type { CliCommand } from '../cliCommand.ts';

const USAGE = 'restore-backup --data-dir DIR [--hq-reseed FILE]';

function readReseed(file: string): StationReseed | string {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return `Cannot read HQ's reseed file ${file}: it is missing or not the file station-reseed wrote.`;
  }
  const parsed = StationReseedSchema.safeParse(json);
  return parsed.success ? parsed.data : `${file} is not a reseed file from HQ's station-reseed command.`;
}

const command: CliCommand = {
  name: 'restore-backup',
  usage: USAGE,
  summary: 'Recover a station: put back the newest good backup, then resume after HQ (with its reseed file)',
  run(args, io) {
    let values: { 'data-dir'?: string; 'hq-reseed'?: string };
    try {
      ({ values } = parseArgs({ args: [...args], strict: true, options: { 'data-dir': { type: 'string' }, 'hq-reseed': { type: 'string' } } }));
    } catch {
      io.err(`Usage: npm run cli -- ${USAGE}`);
      return Promise.resolve(2);
    }
    const dataDir = values['data-dir'];
    if (!dataDir) {
      io.err(`Usage: npm run cli -- ${USAGE}`);
      return Promise.resolve(2);
    }
    let reseed: StationReseed | undefined;
    if (values['hq-reseed']) {
      const read = readReseed(values['hq-reseed']);
      if (typeof read === 'string') {
        io.err(read);
        return Promise.resolve(1);
      }
      reseed = read;
    }
    const outcome = restoreStation(dataDir, reseed ? { reseed } : {});
    if (!outcome.ok) {
      io.err(outcome.message);
      return Promise.resolve(1);
    }
    if (outcome.movedAside) io.out(`The old database was moved to ${outcome.movedAside} (kept, not deleted).`);
    io.out(outcome.restoredFrom ? `Restored ${outcome.restoredFrom}.` : 'No backup: started an empty database for this station.');
    if (reseed) {
      const back = outcome.replayed;
      if (back !== null && back.stored > 0) {
        io.out(`From HQ: ${back.stored} record(s) made after the backup were put back, with ${back.intakes} parcel(s) taken in after it.`);
      }
      if (back !== null && back.skipped > 0) {
        io.out(`${back.skipped} record(s) from HQ belong to parcels taken in before this backup and are not on it; they stay at HQ.`);
      }
      io.out(`The station goes on after record ${reseed.lastSeq}, the last one HQ holds; ${outcome.acked} waiting record(s) HQ already had will not be sent again.`);
      const tokenFile = path.join(dataDir, 'hq-token');
      writeFileSync(tokenFile, `${reseed.token}\n`, { mode: 0o600 });
      io.out(`HQ's new token ${reseed.tokenId} is in ${tokenFile}; the old tokens no longer work. Start the station with --hq-token-file ${tokenFile}.`);
    } else {
      io.out('Start the station: it sends HQ what HQ does not have yet.');
    }
    return Promise.resolve(0);
  },
};

export default command;
