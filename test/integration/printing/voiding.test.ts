/**
 * Voiding, notices, REPRINT after a crash and print bodies, through the real station core (createStation over a
 * SQLite file in a temp directory) with a ZPL printer on loopback:
 *   - a verdict that changes after its label printed voids the label (queue and card) and queues the new document
 *     once, in the same transaction as the verdict; a VOID slip prints only when the site asks for one
 *   - HQ's and a lead's releases raise a notice and print the relabel by the auto-print rule; a repeat scan of a
 *     released parcel says it was released
 *   - a job whose delivery was in doubt (the station stopped mid-send) is sent again with REPRINT on the label
 *   - a printed job keeps the hash of its bytes, not the bytes
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { createStation, type Station } from '../../../electron/station/createStation.ts';
import { dispatchCommand } from '../../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../../electron/db/queries/manifests.ts';
import type { VerdictRequest } from '../../../electron/station/stationPorts.ts';
import type { IntakeView } from '../../../shared/contract/intakeView.ts';
import type { Notice } from '../../../shared/contract/notices.ts';
import type { PrintJobView, PrintQueueStatus } from '../../../shared/printing/printJob.ts';
import type { PrintSettingsInput } from '../../../shared/printing/printerSettings.ts';
import type { Verdict } from '../../../shared/rules/verdict.ts';
import { fakeClassify, fakeScale } from '../../support/fakeStationParts.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { manifestEntry } from '../../unit/printing/support/parcels.ts';
import { ZplSink, freePort } from './support/zplSink.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

const ACCEPT: Verdict = { decision: 'ACCEPT', reasons: [], reprice: null };
const RETURN: Verdict = { decision: 'RETURN', reasons: [{ code: 'OVERWEIGHT', effect: 'RETURN', message: 'Over 44 lb: return to sender.' }], reprice: null };
const HOLD: Verdict = { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID yet.' }], reprice: null };

let temp: ReturnType<typeof makeTempDir>;
let station: Station;
let sink: ZplSink;
let next: Verdict;
let notices: Notice[];
const clock = Date.UTC(2026, 10, 21, 14, 0, 0);

function open(): Station {
  const s = createStation({ signedInAs: TEST_LEAD,
    dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify,
    decide: (_req: VerdictRequest) => next, now: () => clock,
  });
  s.events.subscribe('notice', (n) => notices.push(n));
  return s;
}

async function call<T = unknown>(name: string, request: unknown): Promise<T> {
  const r = await dispatchCommand(station.handlers, name, request, { error: () => {} });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

function printers(port: number, extra: Partial<PrintSettingsInput> = {}): PrintSettingsInput {
  const zpl = { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 } as const;
  return { printers: { relabel: zpl, 'return-slip': zpl }, autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] }, ...extra };
}

function queue(intakeId?: string): PrintQueueStatus {
  return station.printing.queue.status(intakeId, 50);
}

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; queue: ${JSON.stringify(queue().jobs.map((j) => [j.document, j.state, j.mark, j.voided]))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const WAYBILL = manifestEntry().waybill;

/** Scan, type a weight, enter a size and decide with `next`: the intake as decided. */
async function decided(weight = '3.2'): Promise<IntakeView> {
  const intakeId = randomUUID();
  await call('intake.scan', { commandId: randomUUID(), intakeId, raw: WAYBILL, source: 'wedge' });
  await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: weight, unit: 'lb', reason: 'test scale' } });
  await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
  return call<IntakeView>('intake.commitVerdict', { commandId: randomUUID(), intakeId });
}

const printedJobs = (document: PrintJobView['document']) => queue().jobs.filter((j) => j.document === document && j.state === 'done');
const eventTypes = (intakeId: string) =>
  (station.db.prepare('SELECT type FROM events WHERE intake_id = ? ORDER BY seq').all(intakeId) as Array<{ type: string }>).map((e) => e.type);

beforeEach(async () => {
  temp = makeTempDir('print-void');
  notices = [];
  next = ACCEPT;
  sink = await ZplSink.listen(0);
  station = open();
  upsertManifest(station.db, manifestEntry(), clock);
  await call('printer.set', printers(sink.port));
});

afterEach(async () => {
  await station.close();
  await sink.close();
  temp.cleanup();
});

describe('a verdict that changes after its document printed', () => {
  it('voids the printed relabel on the queue and the card, and queues the return slip once', async () => {
    const first = await decided();
    await sink.waitForLabels(1);
    const relabel = await until('the relabel printed', () => printedJobs('relabel')[0]);
    expect(relabel.voided).toBeNull();

    // The weight is corrected (typed again) and the parcel decided again: now it goes back.
    await call('intake.captureWeight', { commandId: randomUUID(), intakeId: first.intakeId, manual: { value: '46.2', unit: 'lb', reason: 'read wrong' } });
    next = RETURN;
    const decideAgain = { commandId: randomUUID(), intakeId: first.intakeId };
    const view = await call<IntakeView>('intake.commitVerdict', decideAgain);
    await call<IntakeView>('intake.commitVerdict', decideAgain); // a retried command: answered from what was stored

    const jobs = queue(first.intakeId).jobs;
    const oldOne = jobs.find((j) => j.jobId === relabel.jobId);
    expect(oldOne).toMatchObject({ state: 'done', voided: { reason: 'the weight was corrected' } });
    expect(jobs.filter((j) => j.document === 'return-slip')).toHaveLength(1);
    expect(jobs.filter((j) => j.document === 'relabel')).toHaveLength(1);
    expect(view.documents?.map((d) => [d.document, d.voided !== null])).toEqual([['relabel', true], ['return-slip', false]]);
    await sink.waitForLabels(2);
    expect(sink.labels).toHaveLength(2);
    expect(sink.labels[1]!.toString('latin1')).not.toContain('VOID');
    expect(eventTypes(first.intakeId)).toContain('DOCUMENT_VOIDED');
    // A void label cannot be reprinted from the history.
    const reprint = await dispatchCommand(station.handlers, 'print.reprint', { commandId: randomUUID(), intakeId: first.intakeId, document: 'relabel' }, { error: () => {} });
    expect(reprint).toMatchObject({ ok: false, error: { code: 'DOCUMENT_VOIDED' } });
  });

  it('a waiting job voided before it printed is never sent, and cannot be retried', async () => {
    const offline = await freePort();
    await call('printer.set', printers(offline));
    const first = await decided();
    const waiting = await until('the relabel queued', () => queue().jobs.find((j) => j.document === 'relabel'));
    await call('intake.setDimensions', { commandId: randomUUID(), intakeId: first.intakeId, length: '30', width: '10', height: '8', unit: 'in' });
    const voided = queue(first.intakeId).jobs.find((j) => j.jobId === waiting.jobId);
    expect(voided).toMatchObject({ voided: { reason: 'the size was corrected' } });
    expect(queue().counts.queued).toBe(0);
    const retry = await dispatchCommand(station.handlers, 'print.retry', { jobId: waiting.jobId }, { error: () => {} });
    expect(retry).toMatchObject({ ok: false, error: { code: 'DOCUMENT_VOIDED' } });
  });

  it('prints a VOID slip of the old label only when the site asks for it', async () => {
    await call('printer.set', printers(sink.port, { voidSlip: true }));
    const first = await decided();
    await sink.waitForLabels(1);
    const relabel = await until('the relabel printed', () => printedJobs('relabel')[0]);
    await call('intake.reportDamage', { commandId: randomUUID(), intakeId: first.intakeId, damaged: true, note: 'crushed corner' });
    next = RETURN;
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId: first.intakeId });
    await sink.waitForLabels(3);
    const slip = queue(first.intakeId).jobs.find((j) => j.mark === 'VOID');
    expect(slip).toMatchObject({ document: 'relabel', voidsJobId: relabel.jobId, voided: null });
    const texts = sink.labels.map((l) => l.toString('latin1'));
    expect(texts.filter((t) => t.includes('VOID'))).toHaveLength(1);
    expect(texts.find((t) => t.includes('VOID'))).toContain(WAYBILL);
  });

  it('without the setting no VOID slip is printed', async () => {
    const first = await decided();
    await sink.waitForLabels(1);
    await call('intake.reportDamage', { commandId: randomUUID(), intakeId: first.intakeId, damaged: true, note: 'crushed corner' });
    next = RETURN;
    await call('intake.commitVerdict', { commandId: randomUUID(), intakeId: first.intakeId });
    await sink.waitForLabels(2);
    await until('the return slip printed', () => printedJobs('return-slip')[0]);
    expect(queue(first.intakeId).jobs.some((j) => j.mark === 'VOID')).toBe(false);
    expect(sink.labels.map((l) => l.toString('latin1')).some((t) => t.includes('VOID'))).toBe(false);
  });
});

describe('releases on screen', () => {
  const holdOf = (intakeId: string) => station.db.prepare('SELECT hold_id, location FROM holds WHERE intake_id = ?').get(intakeId) as { hold_id: string; location: string };

  it('HQ recording the ID releases the hold: a notice with the slot, the intake turns ACCEPT, the relabel prints', async () => {
    next = HOLD;
    const held = await decided();
    const { location } = holdOf(held.intakeId);
    expect(queue(held.intakeId).jobs).toHaveLength(0);
    station.holds.applyStatusChange(WAYBILL, { consigneeIdStatus: 'received' }, randomUUID());
    expect(notices).toEqual([expect.objectContaining({ kind: 'hold-released', by: 'hq', slot: location, intakeId: held.intakeId, text: `${location} released: relabel and send on` })]);
    expect((await call<IntakeView>('intake.get', { intakeId: held.intakeId })).verdict?.decision).toBe('ACCEPT');
    await sink.waitForLabels(1);
    await until('the relabel printed', () => printedJobs('relabel')[0]);
  });

  it('a lead releasing the hold does the same, and a repeat scan of the parcel says it was released', async () => {
    next = HOLD;
    const held = await decided();
    const { hold_id: holdId, location } = holdOf(held.intakeId);
    await call('intake.finish', { commandId: randomUUID(), intakeId: held.intakeId });
    await call('holds.release', { commandId: randomUUID(), holdIds: [holdId], note: 'ID seen on paper' });
    expect(notices).toEqual([expect.objectContaining({ kind: 'hold-released', by: 'lead', slot: location })]);
    expect((await call<IntakeView>('intake.get', { intakeId: held.intakeId })).verdict?.decision).toBe('ACCEPT');
    await until('the relabel printed', () => printedJobs('relabel')[0]);

    const again = await call<IntakeView>('intake.scan', { commandId: randomUUID(), intakeId: randomUUID(), raw: WAYBILL, source: 'wedge' });
    expect(again).toMatchObject({ repeatScan: true, intakeId: held.intakeId });
    expect(notices[1]).toMatchObject({ kind: 'released-before', slot: location, by: 'lead' });
    expect(notices[1]?.text).toBe(`${WAYBILL} was released from ${location} by a lead: relabel and send on`);
  });

  it('a lead turning the hold into a return voids nothing printed for the hold and prints the return slip', async () => {
    next = HOLD;
    await call('printer.set', printers(sink.port, { autoPrint: { ACCEPT: ['relabel'], HOLD: ['return-slip'], RETURN: ['return-slip'] } }));
    const held = await decided();
    await sink.waitForLabels(1);
    const holdSlip = await until('the hold slip printed', () => printedJobs('return-slip')[0]);
    await call('holds.convertToReturn', { commandId: randomUUID(), holdIds: [holdOf(held.intakeId).hold_id], note: 'shipper wants it back' });
    expect(notices[0]).toMatchObject({ kind: 'hold-returned', by: 'lead' });
    await sink.waitForLabels(2);
    const jobs = queue(held.intakeId).jobs;
    expect(jobs.find((j) => j.jobId === holdSlip.jobId)?.voided?.reason).toBe('the hold became a return');
    expect(jobs.filter((j) => j.document === 'return-slip' && j.voided === null)).toHaveLength(1);
  });
});

describe('printing after a crash, and print bodies', () => {
  it('a job cut off mid-send is sent again with REPRINT on the label, and shown so in the queue', async () => {
    const port = await freePort();
    await call('printer.set', printers(port));
    await decided();
    const job = await until('the relabel waiting', () => queue().jobs.find((j) => j.document === 'relabel' && j.attempts > 0));
    await station.close();
    // What a SIGKILL mid-send leaves behind: the job row still says "sending".
    const raw = createStation({ signedInAs: TEST_LEAD, dataDir: temp.dir, transport: 'browser', demo: false, version: 't', scale: fakeScale(), classify: fakeClassify, decide: () => next, now: () => clock });
    await raw.printing.stop();
    raw.db.prepare("UPDATE print_jobs SET state = 'sending' WHERE job_id = ?").run(job.jobId);
    await raw.close();

    await sink.close();
    sink = await ZplSink.listen(port);
    station = open();
    await sink.waitForLabels(1);
    const zpl = sink.labels[0]!.toString('latin1');
    expect(zpl).toContain('REPRINT');
    const after = await until('the reprint done', () => queue().jobs.find((j) => j.jobId === job.jobId && j.state === 'done'));
    expect(after.mark).toBe('REPRINT');
    expect(after.copy).toBe(1);
  });

  it('a printed job keeps the hash of its bytes, not the label text', async () => {
    await decided();
    await sink.waitForLabels(1);
    const job = await until('the relabel printed', () => printedJobs('relabel')[0]);
    const row = station.db.prepare('SELECT payload, body_sha256 FROM print_jobs WHERE job_id = ?').get(job.jobId) as { payload: Buffer | null; body_sha256: string | null };
    expect(row.payload).toBeNull();
    expect(row.body_sha256).toBe(createHash('sha256').update(sink.labels[0]!).digest('hex'));
  });

  it('a reprint renders again from the stored document, marked as the next copy', async () => {
    const first = await decided();
    await sink.waitForLabels(1);
    const original = await until('the relabel printed', () => printedJobs('relabel')[0]);
    const reprint = await call<PrintJobView>('print.reprint', { commandId: randomUUID(), intakeId: first.intakeId, document: 'relabel' });
    expect(reprint).toMatchObject({ copy: 2, reason: 'reprint', subject: original.subject });
    await sink.waitForLabels(2);
    const [a, b] = sink.labels.map((l) => l.toString('latin1'));
    expect(b).toContain('REPRINT 1');
    expect(a).not.toContain('REPRINT');
  });
});
