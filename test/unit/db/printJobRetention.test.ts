/**
 * Print-job bodies under retention (issue 14, item 8): the stored document model (consignee name and address, kept
 * for a reprint) goes with the manifest names — at once when the parcel was synced and left the building, or after
 * the retention time — and a reprint then says plainly why it cannot print. Jobs a slip may still need keep it.
 */
import { afterEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import { PURGED_DOCUMENT_MESSAGE, PURGED_DOCUMENT_MODEL_JSON } from '../../../electron/db/queries/printJobRetention.ts';
import { startRetention } from '../../../electron/db/retentionSchedule.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';
import { ZplSink } from '../../integration/printing/support/zplSink.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const sample = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/demo/manifests.json'), 'utf8')) as ManifestEntry[])[0]!;
const entry = (waybill: string): ManifestEntry => ({ ...sample, waybill, inboundTracking: [], consigneeName: `Name of ${waybill}` });
const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No ID.' }], reprice: null };

let temp: ReturnType<typeof makeTempDir> | null = null;
let station: Station | null = null;
let sink: ZplSink | null = null;
let now = T0;
afterEach(async () => {
  await station?.close();
  await sink?.close();
  temp?.cleanup();
});

async function call(name: string, req: object) {
  return dispatchCommand(station!.handlers, name, req, { error: () => {} });
}
async function must(name: string, req: object): Promise<void> {
  const r = await call(name, req);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
}
async function takeIn(waybill: string): Promise<string> {
  const intakeId = randomUUID();
  await must('intake.scan', { commandId: randomUUID(), intakeId, raw: waybill, source: 'wedge' });
  await must('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '2', unit: 'lb', reason: 'test' } });
  await must('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '10', width: '8', height: '6', unit: 'in' });
  await must('intake.commitVerdict', { commandId: randomUUID(), intakeId });
  await must('intake.finish', { commandId: randomUUID(), intakeId });
  return intakeId;
}
const models = (intakeId: string) =>
  (station!.db.prepare('SELECT model_json AS m, payload AS p, state FROM print_jobs WHERE intake_id = ?').all(intakeId) as Array<{ m: string; p: Buffer | null; state: string }>);

it('purges the document model of parcels synced and gone, and of old jobs; a reprint then says why; live slips keep theirs', async () => {
  temp = makeTempDir('print-retention');
  sink = await ZplSink.listen(0);
  let verdict = ACCEPT;
  station = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: () => verdict, now: () => now,
  });
  const db = station.db;
  await must('printer.set', {
    printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 203 }, 'return-slip': null },
    autoPrint: { ACCEPT: ['relabel'], HOLD: ['relabel'], RETURN: [] },
  });
  const [gone, unsynced, held] = ['APELAX0000000011', 'APELAX0000000012', 'APELAX0000000013'];
  db.transaction(() => { for (const w of [gone!, unsynced!, held!]) upsertManifest(db, entry(w), T0); })();
  const goneId = await takeIn(gone!);
  const unsyncedId = await takeIn(unsynced!);
  verdict = HOLD;
  const heldId = await takeIn(held!);
  await sink.waitForLabels(3);
  await expect.poll(() => (db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state = 'done'").get() as { n: number }).n, { timeout: 10_000 }).toBe(3);
  for (const id of [goneId, unsyncedId, heldId]) expect(models(id)[0]!.m).toContain('Name of');
  db.prepare("UPDATE outbox SET state = 'acked' WHERE seq IN (SELECT seq FROM events WHERE intake_id <> ?)").run(unsyncedId);

  const retention = startRetention({ db, retentionDays: 30, now: () => now, onError: (e) => { throw e; } });
  retention.stop();
  expect(models(goneId)).toEqual([{ m: PURGED_DOCUMENT_MODEL_JSON, p: null, state: 'done' }]);
  expect(models(unsyncedId)[0]!.m).toContain(`Name of ${unsynced}`);
  expect(models(heldId)[0]!.m).toContain(`Name of ${held}`);
  const everyJob = JSON.stringify(db.prepare('SELECT * FROM print_jobs WHERE intake_id = ?').all(goneId));
  expect(everyJob).not.toContain(`Name of ${gone}`);

  const reprint = await call('print.reprint', { commandId: randomUUID(), intakeId: goneId, document: 'relabel' });
  expect(reprint).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE', message: PURGED_DOCUMENT_MESSAGE } });
  expect(PURGED_DOCUMENT_MESSAGE).toMatch(/^This parcel has left the building; its label data was removed for privacy/);
  // A live slip still reprints.
  expect(await call('print.reprint', { commandId: randomUUID(), intakeId: heldId, document: 'relabel' })).toMatchObject({ ok: true });
  await sink.waitForLabels(4);
  await expect.poll(() => (db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state = 'done'").get() as { n: number }).n, { timeout: 10_000 }).toBe(4);

  // Past the retention time every job no longer waiting to print goes, held or not; a second sweep changes nothing.
  now = T0 + 31 * DAY;
  expect(retention.sweep().printJobs).toBe(3);
  expect(retention.sweep()).toEqual({ manifests: 0, printJobs: 0 });
  expect(JSON.stringify(db.prepare('SELECT * FROM print_jobs').all())).not.toMatch(/Name of/);
}, 30_000);
