/**
 * H1 end to end, as a property: random Unicode (every code point class, lone surrogates, NUL and other controls,
 * direction overrides, zero-width characters) typed or scanned into a real station goes through its contract,
 * its outbox and its sync to HQ on a real PostgreSQL server. Each input is either taken (cleaned) or refused with
 * INVALID_REQUEST and a plain message; whatever the station stored reaches HQ whole: nothing dead-lettered,
 * nothing left in the outbox, the queue never blocks.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgresCluster.ts';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { startTestHq } from './syncHarness.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { DANGEROUS_UNITS, hostileText } from '../../support/hostileText.ts';
import { findTextProblem } from '../../../shared/text/cleanText.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const STATION = 'LAX-FUZZ-1';
let cluster: PostgresCluster;
let db: HqDb;
let hq: RunningHq;
let station: Station;
const temp = makeTempDir('hostile-text');

beforeAll(async () => {
  cluster = await startPostgresCluster();
  db = await openHqDb({ kind: 'postgres', databaseUrl: await cluster.createDatabase('hq_hostile') });
  const { token } = await createStationToken(db, { stationId: STATION, warehouse: 'LAX' });
  hq = await startTestHq(db);
  const dataDir = path.join(temp.dir, 'station');
  station = await openConfiguredStation({ signedInAs: TEST_LEAD,
    argv: ['--data-dir', dataDir, '--no-demo', '--station-id', STATION, '--warehouse', 'LAX', '--hq-url', hq.url],
    env: { ECMS_HQ_TOKEN: token }, transport: 'browser', defaultDataDir: dataDir, version: 'test',
  });
}, 120_000);

afterAll(async () => {
  await station?.close();
  await hq?.close();
  await db?.close();
  await cluster?.stop();
  temp.cleanup();
});

/** A real label with hostile characters slipped in anywhere (as line noise or a bad scanner prefix would). */
const noisyLabel = fc
  .array(fc.tuple(fc.nat(15), fc.constantFrom(...DANGEROUS_UNITS.filter((u) => u !== '\t' && u !== '\n'))), { maxLength: 4 })
  .map((inserts) => {
    const chars = [...'TBA300014123456'];
    for (const [at, unit] of inserts) chars.splice(at, 0, unit);
    return chars.join('');
  });

it('every input is taken clean or refused with INVALID_REQUEST, and everything taken reaches HQ', async () => {
  const refusals: string[] = [];
  const call = async (name: string, request: object): Promise<boolean> => {
    const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
    if (r.ok) return true;
    // Typed refusals only. Two lone surrogates slipped in side by side make a valid (unknown) character, so a
    // scan may also be refused as an unknown barcode or a bad check digit, as any misread label is.
    expect(['INVALID_REQUEST', 'INVALID_STATE', 'UNKNOWN_BARCODE', 'INVALID_CHECK_DIGIT']).toContain(r.error.code);
    refusals.push(r.error.code);
    return false;
  };
  await fc.assert(
    fc.asyncProperty(noisyLabel, hostileText, hostileText, hostileText, hostileText, async (label, operator, reason, note, cancel) => {
      await call('settings.update', { operator });
      const intakeId = randomUUID();
      if (!(await call('intake.scan', { commandId: randomUUID(), intakeId, raw: label, source: 'wedge' }))) return;
      await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '1.5', unit: 'lb', reason } });
      await call('intake.reportDamage', { commandId: randomUUID(), intakeId, damaged: true, note });
      if (!(await call('intake.cancel', { commandId: randomUUID(), intakeId, reason: cancel }))) {
        await call('intake.cancel', { commandId: randomUUID(), intakeId, reason: 'fuzz run over' });
      }
    }),
    { numRuns: 100, ...(process.env["FC_SEED"] ? { seed: Number(process.env["FC_SEED"]) } : {}) },
  );
  expect(refusals.length).toBeGreaterThan(0);
  station.sync.nudge();
  expect(await station.sync.whenIdle(60_000)).toBe(true);

  const stationSeq = (station.db.prepare('SELECT max(seq) AS n FROM events').get() as { n: number }).n;
  const dead = (station.db.prepare('SELECT count(*) AS n FROM sync_dead_letters').get() as { n: number }).n;
  expect(stationSeq).toBeGreaterThan(100);
  expect(dead).toBe(0);
  const atHq = await db.query<{ last_seq: unknown; rejected: unknown }>(
    'SELECT last_seq, (SELECT count(*) FROM rejected_events WHERE station_id = $1) AS rejected FROM stations WHERE station_id = $1',
    [STATION],
  );
  expect(Number(atHq.rows[0]?.last_seq)).toBe(stationSeq);
  expect(Number(atHq.rows[0]?.rejected)).toBe(0);
  // The raw scans stored at HQ are clean (the station stripped the noise before storing).
  const raws = await db.query<{ raw: string }>("SELECT payload->>'raw' AS raw FROM station_events WHERE station_id = $1 AND type = 'INTAKE_SCANNED'", [STATION]);
  for (const r of raws.rows) {
    expect(findTextProblem(r.raw, { keepScanSeparators: true })).toBeNull();
    // GS and RS are a scan's separators and are kept; every other inserted character is gone.
    expect(r.raw.replaceAll('\u001d', '').replaceAll('\u001e', '')).toBe('TBA300014123456');
  }
}, 180_000);
