/**
 * Consignee-name retention on the station (issue 14, item 8): names go once the parcel has been synced and left the
 * building, or after the retention time; they stay while a slip may still need them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { PURGED_CONSIGNEE_NAME, getManifest, purgeConsigneeNames, upsertManifest } from '../../../electron/db/queries/manifests.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const sample = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/demo/manifests.json'), 'utf8')) as ManifestEntry[])[0]!;
const entry = (waybill: string): ManifestEntry => ({ ...sample, waybill, inboundTracking: [], consigneeName: `Name of ${waybill}`, consigneeNative: { name: '王芳' } });

let temp: ReturnType<typeof makeTempDir> | null = null;
let station: Station | null = null;
let verdict: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
afterEach(async () => {
  await station?.close();
  temp?.cleanup();
});

async function takeIn(waybill: string, finish: boolean): Promise<string> {
  const call = async (name: string, req: object) => {
    const r = await dispatchCommand(station!.handlers, name, req, { error: () => {} });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  };
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw: waybill, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2', unit: 'lb', reason: 'test' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '8', height: '6', unit: 'in' });
  await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  if (finish) await call('intake.finish', { commandId: randomUUID(), intakeId });
  return intakeId;
}

describe('consignee-name retention', () => {
  it('purges names of parcels synced and gone, and of old manifests; keeps names a slip may still need', async () => {
    temp = makeTempDir('retention');
    station = createStation({ signedInAs: TEST_LEAD,
      dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
      decide: () => verdict, now: () => T0,
    });
    const db = station.db;
    const names = ['APELAX0000000001', 'APELAX0000000002', 'APELAX0000000003', 'APELAX0000000004', 'APELAX0000000005'];
    db.transaction(() => {
      for (const w of names.slice(0, 4)) upsertManifest(db, entry(w), T0);
      upsertManifest(db, entry(names[4]!), T0 - 40 * DAY);
    })();
    await takeIn(names[0]!, true); // gone and (below) synced
    const unsynced = await takeIn(names[1]!, true); // gone, not yet at HQ
    verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No ID.' }], reprice: null };
    await takeIn(names[2]!, true); // on the hold shelf
    // names[3]: no parcel yet; names[4]: pulled 40 days ago.
    db.prepare("UPDATE outbox SET state = 'acked' WHERE seq IN (SELECT seq FROM events WHERE intake_id <> ?)").run(unsynced);

    const purged = db.transaction(() => purgeConsigneeNames(db, { now: T0, retentionMs: 30 * DAY }))();
    expect(purged).toBe(2);
    const nameOf = (w: string) => getManifest(db, w)?.consigneeName;
    expect(names.map(nameOf)).toEqual([PURGED_CONSIGNEE_NAME, `Name of ${names[1]}`, `Name of ${names[2]}`, `Name of ${names[3]}`, PURGED_CONSIGNEE_NAME]);
    expect(getManifest(db, names[0]!)?.consigneeNative).toBeUndefined();
    const raw = (db.prepare('SELECT group_concat(entry_json) AS j FROM manifests').get() as { j: string }).j;
    expect(raw).not.toContain(`Name of ${names[0]}`);
    expect(raw).not.toContain(`Name of ${names[4]}`);

    // Once the second parcel's events reach HQ, its name goes too; a second sweep changes nothing else.
    db.prepare("UPDATE outbox SET state = 'acked'").run();
    expect(purgeConsigneeNames(db, { now: T0, retentionMs: 30 * DAY })).toBe(1);
    expect(purgeConsigneeNames(db, { now: T0, retentionMs: 30 * DAY })).toBe(0);
  });
});
