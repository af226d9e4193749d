/**
 * A station whose database is lost (issue 14, M4): it refuses to start as a new station; `restore-backup` puts the
 * newest good backup back, and with HQ's `station-reseed` file the records made after the backup come back from HQ
 * (the parcel taken in after it is on the station again, as far as it got) and the station resumes after the last
 * record HQ holds — no SEQ_CONFLICT, every seq on the station and at HQ exactly once, and the old token no longer
 * works. HQ on PGlite, in process.
 */
import { afterAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import { createStationToken, verifyStationToken } from '../../../hq/auth/stationTokens.ts';
import { reseedStation } from '../../../hq/admin/reseedStation.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';
import { startTestHq, hqHoldings } from '../sync/syncHarness.ts';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { backupStationDatabase, backupDir } from '../../../electron/db/backup.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const temp = makeTempDir('recovery');
afterAll(() => temp.cleanup());
const STATION = 'LAX-RECOVER-1';

/** One event: a scan when no intake is open, else the open one's cancel. */
let open: string | null = null;
async function scan(s: Station): Promise<void> {
  const intakeId = open ?? randomUUID();
  const r = open
    ? await dispatchCommand(s.handlers, 'intake.cancel', { commandId: randomUUID(), intakeId, reason: 'test parcel' }, { error: () => {} })
    : await dispatchCommand(s.handlers, 'intake.scan', { commandId: randomUUID(), intakeId, raw: 'TBA300014123456', source: 'wedge' }, { error: () => {} });
  if (!r.ok) throw new Error(r.error.message);
  open = open ? null : intakeId;
}
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

it('a lost database is refused, restored from the backup and resumed after HQ\'s last seq with a new token', async () => {
  const db = await openHqDb({ kind: 'memory' });
  let hq: RunningHq | null = await startTestHq(db);
  const { token } = await createStationToken(db, { stationId: STATION, warehouse: 'LAX' });
  const dataDir = path.join(temp.dir, 'station');
  const tokenFile = path.join(temp.dir, 'token');
  writeFileSync(tokenFile, `${token}\n`);
  const start = (file: string) => openConfiguredStation({ signedInAs: TEST_LEAD,
    argv: ['--data-dir', dataDir, '--no-demo', '--station-id', STATION, '--warehouse', 'LAX', '--hq-url', hq!.url, '--hq-token-file', file],
    env: {}, transport: 'browser', defaultDataDir: dataDir, version: 'test',
  });
  try {
    let station = await start(tokenFile);
    for (let i = 0; i < 3; i++) await scan(station);
    await expect.poll(async () => (await hqHoldings(db, STATION)).lastSeq, { timeout: 30_000 }).toBe(3);
    const backup = backupStationDatabase(station.db, dataDir).file;
    // After the backup: the open parcel is cancelled (4), another is scanned (5) and weighed by hand (6).
    for (let i = 0; i < 2; i++) await scan(station);
    const afterBackup = open!;
    const weighed = await dispatchCommand(station.handlers, 'intake.captureWeight',
      { commandId: randomUUID(), intakeId: afterBackup, manual: { value: '2.5', unit: 'lb', reason: 'scale down' } }, { error: () => {} });
    expect(weighed.ok).toBe(true);
    await expect.poll(async () => (await hqHoldings(db, STATION)).lastSeq, { timeout: 30_000 }).toBe(6);
    await station.close();
    // The disk dies: only the older backup survives.
    for (const f of readdirSync(backupDir(dataDir)).map((n) => path.join(backupDir(dataDir), n))) if (f !== backup) rmSync(f);
    for (const f of ['station.sqlite', 'station.sqlite-wal', 'station.sqlite-shm']) rmSync(path.join(dataDir, f), { force: true });

    await expect(start(tokenFile)).rejects.toMatchObject({ code: 'DATABASE_MISSING' });
    // The backup alone is behind what HQ holds: restore refuses without HQ's reseed file.
    const without = await cli(['restore-backup', '--data-dir', dataDir]);
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/station-reseed --station LAX-RECOVER-1 --after-seq 3/);

    const reseed = await reseedStation(db, STATION, { afterSeq: 3 });
    expect(reseed).toMatchObject({ lastSeq: 6, eventCount: 6, revokedTokens: 1, afterSeq: 3 });
    expect(reseed.events.map((e) => [e.seq, e.type])).toEqual([[4, 'INTAKE_CANCELLED'], [5, 'INTAKE_SCANNED'], [6, 'WEIGHT_CAPTURED']]);
    await expect(verifyStationToken(db, token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const reseedFile = path.join(temp.dir, 'reseed.json');
    writeFileSync(reseedFile, JSON.stringify(reseed));
    const restored = await cli(['restore-backup', '--data-dir', dataDir, '--hq-reseed', reseedFile]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Restored .*station-.*\.sqlite/);
    expect(restored.out).toMatch(/From HQ: 3 record\(s\) made after the backup were put back, with 1 parcel\(s\) taken in after it/);

    station = await start(path.join(dataDir, 'hq-token'));
    // The backup's open parcel is cancelled again, and the parcel taken in after the backup is back, weighed.
    const intakes = station.db.prepare('SELECT intake_id, state, mass_q, mass_source, manual_reason FROM intakes ORDER BY created_at').all();
    expect(intakes).toHaveLength(3);
    expect(intakes.map((r) => (r as { state: string }).state)).toEqual(['cancelled', 'cancelled', 'weighed']);
    expect(intakes[2]).toMatchObject({ intake_id: afterBackup, mass_source: 'manual', manual_reason: 'scale down' });
    const log = station.db.prepare('SELECT e.seq, o.state FROM events e JOIN outbox o ON o.seq = e.seq ORDER BY e.seq').all();
    expect(log).toEqual([1, 2, 3, 4, 5, 6].map((seq) => ({ seq, state: 'acked' })));
    // Cancelling it is the station's next event.
    open = afterBackup;
    await scan(station);
    await expect.poll(async () => (await hqHoldings(db, STATION)).lastSeq, { timeout: 30_000 }).toBe(7);
    const held = await hqHoldings(db, STATION);
    expect([...held.copies.entries()].sort((a, b) => a[0] - b[0])).toEqual([1, 2, 3, 4, 5, 6, 7].map((s) => [s, 1]));
    expect(station.sync.getStatus().lastError).toBeNull();
    expect(station.db.prepare('SELECT seq, count(*) AS n FROM events GROUP BY seq HAVING n > 1').all()).toEqual([]);
    expect((station.db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number }).s).toBe(7);
    await station.close();
  } finally {
    await hq?.close();
    hq = null;
    await db.close();
  }
}, 120_000);

it('the station process refuses an empty database with the plain message and the recovery command, no stack trace', async () => {
  const dataDir = path.join(temp.dir, 'empty');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'station.sqlite'), '');
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '../../../electron/host/runBrowserStation.ts'), '--data-dir', dataDir, '--no-demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(2);
  expect(stderr).toContain(`${path.join(dataDir, 'station.sqlite')} is empty`);
  expect(stderr).toContain('npm run cli -- restore-backup');
  expect(stderr).not.toMatch(/\n\s+at |SqliteError|node_modules/);
  expect(statSync(path.join(dataDir, 'station.sqlite')).size).toBe(0);
}, 60_000);
