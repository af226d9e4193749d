/**
 * HQ and the station together: a station with no local data pulls its manifests and rules from HQ, holds a parcel
 * whose consignee ID is missing, and releases it by itself once HQ records the ID as received — the release is an
 * event pushed back to HQ. Runs against HQ on PGlite and on PostgreSQL.
 */
import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeEachBackend } from '../hq/hqBackends.ts';
import { startTestHq } from '../sync/syncHarness.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import { importReferenceDocs } from '../../../hq/admin/importReference.ts';
import { recordConsigneeId } from '../../../hq/admin/recordStatus.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import { readReferenceFiles } from '../../../electron/rules/referenceFiles.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const manifests = JSON.parse(readFileSync(path.join(root, 'resources/demo/manifests.json'), 'utf8')) as ManifestEntry[];
const WAYBILL = 'APELAX1190000114';

let hq: RunningHq | null = null;
let station: Station | null = null;
const temp = makeTempDir('auto-release');
afterEach(async () => {
  await station?.close();
  await hq?.close();
  station = null;
  hq = null;
});

describeEachBackend('hold released when HQ records the ID', (h) => {
  it('pulls manifests, holds for the missing ID, and releases once HQ has it', async () => {
    await importManifestEntries(h.db, manifests);
    const reference = readReferenceFiles();
    if (!reference.ok) throw new Error(reference.error.message);
    await importReferenceDocs(h.db, reference.docs);
    const { token } = await createStationToken(h.db, { stationId: 'LAX-AUTO-1', warehouse: 'LAX' });
    hq = await startTestHq(h.db);
    const dataDir = path.join(temp.dir, `${h.name}-${randomUUID()}`);
    station = await openConfiguredStation({ signedInAs: TEST_LEAD,
      argv: ['--data-dir', dataDir, '--no-demo', '--station-id', 'LAX-AUTO-1', '--warehouse', 'LAX', '--hq-url', hq.url],
      env: { ECMS_HQ_TOKEN: token }, transport: 'browser', defaultDataDir: dataDir, version: 'test',
    });
    const s = station;
    const count = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n;
    await expect.poll(() => count('SELECT count(*) AS n FROM manifests'), { timeout: 30_000 }).toBe(manifests.filter((m) => m.warehouse === 'LAX').length);
    await expect.poll(() => count('SELECT count(*) AS n FROM reference_docs'), { timeout: 30_000 }).toBe(reference.docs.length);

    const call = async (name: string, request: object) => {
      const r = await dispatchCommand(s.handlers, name, request, { error: () => {} });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.data as { verdict: { decision: string } | null; holdLocation: string | null };
    };
    const intakeId = randomUUID();
    await call('intake.scan', { commandId: randomUUID(), intakeId, raw: 'TBA300014123456', source: 'wedge' });
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '1.5', unit: 'lb', reason: 'test' } });
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '9', width: '6', height: '3', unit: 'in' });
    const held = await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
    expect(held.verdict?.decision).toBe('HOLD');
    expect(held.holdLocation).not.toBeNull();

    expect((await recordConsigneeId(h.db, WAYBILL, 'received')).changed).toBe(true);
    s.sync.requestPull();
    await expect.poll(() => count("SELECT count(*) AS n FROM holds WHERE state = 'held'"), { timeout: 30_000 }).toBe(0);
    expect(s.db.prepare('SELECT close_cause FROM holds').get()).toEqual({ close_cause: 'auto_release' });
    // Released: the intake's verdict is ACCEPT (relabel and send on), no longer HOLD.
    expect(await call('intake.get', { intakeId })).toMatchObject({ holdLocation: null, verdict: { decision: 'ACCEPT' } });
    // The release, with the new verdict, travels back to HQ like every other event.
    await expect.poll(async () => (await h.db.query<{ decision: string | null }>("SELECT payload->'verdict'->>'decision' AS decision FROM station_events WHERE station_id = 'LAX-AUTO-1' AND type = 'HOLD_RELEASED'")).rows, { timeout: 30_000 }).toEqual([{ decision: 'ACCEPT' }]);
  }, 120_000);
});
