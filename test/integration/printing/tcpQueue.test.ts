/**
 * Acceptance: ZPL to a TCP 9100-style listener on loopback (a free port). The whole label arrives once; with the
 * listener down the job stays queued, retried and visible, and is delivered when the listener comes back — also
 * after the queue's process restarts (the same SQLite file reopened).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { PrintQueue } from '../../../electron/printing/printQueue.ts';
import type { PrintSettingsInput } from '../../../shared/printing/printerSettings.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { eventsOf, openQueue, isPrintedBody, seedParcel, waitForStatus } from './support/queueHarness.ts';
import { ZplSink, freePort } from './support/zplSink.ts';

const REQUEST_A = '0b7a6a8e-5d55-4c1e-9a51-5a7f1c1e0a01';
const REQUEST_B = '0b7a6a8e-5d55-4c1e-9a51-5a7f1c1e0a02';

function zplSettings(port: number): PrintSettingsInput {
  return {
    printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 }, 'return-slip': { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 } },
    autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] },
  };
}

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let queue: PrintQueue;
let sink: ZplSink | null;

beforeEach(() => {
  temp = makeTempDir('print-tcp');
  ({ db, queue } = openQueue(temp.dir));
  seedParcel(db, acceptedIntake(), manifestEntry());
  sink = null;
});

afterEach(async () => {
  await queue.stop();
  if (db.open) db.close();
  await sink?.close();
  temp.cleanup();
});

describe('ZPL over TCP through the print queue', () => {
  it('prints automatically after a verdict: the whole label arrives once, and HQ is told', async () => {
    sink = await ZplSink.listen(0);
    expect(queue.setSettings(zplSettings(sink.port)).ok).toBe(true);
    queue.start();
    const queued = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    expect(queued.value.notQueued).toEqual([]);
    const [job] = queued.value.jobs;
    expect(job).toMatchObject({ document: 'relabel', state: 'queued', copy: 1, reason: 'auto', subject: 'APELAX1040039963', printer: `ZPL 203 dpi at 127.0.0.1:${sink.port}` });

    const status = await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === job!.jobId && j.state === 'done'), 'job done');
    await sink.waitForLabels(1);
    expect(sink.labels).toHaveLength(1);
    const label = sink.labels[0]!;
    expect(isPrintedBody(db, job!.jobId, label)).toBe(true);
    const text = label.toString('utf8');
    expect(text.startsWith('^XA')).toBe(true);
    expect(text.match(/\^XA/g)).toHaveLength(1);
    expect(text.trimEnd().endsWith('^XZ')).toBe(true);
    expect(text).toContain('^FD>:APELAX>51040039963^FS');
    expect(status.counts).toMatchObject({ done: 1, queued: 0, failed: 0 });

    const events = eventsOf(db, acceptedIntake().intakeId);
    expect(events.map((e) => e.type)).toEqual(['DOCUMENT_QUEUED', 'DOCUMENT_PRINTED']);
    expect(events[1]?.payload).toMatchObject({ jobId: job!.jobId, document: 'relabel', copy: 1, attempts: 1, confirmed: true });
    const outbox = db.prepare("SELECT COUNT(*) AS n FROM outbox o JOIN events e ON e.seq = o.seq WHERE e.intake_id = ? AND o.state = 'pending'").get(acceptedIntake().intakeId) as { n: number };
    expect(outbox.n).toBe(2);
  });

  it('keeps the job queued and visible while the printer is off, and delivers it once when it is back', async () => {
    const port = await freePort();
    expect(queue.setSettings(zplSettings(port)).ok).toBe(true);
    queue.start();
    const queued = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    const jobId = queued.value.jobs[0]!.jobId;

    const offline = await waitForStatus(queue, (s) => (s.jobs.find((j) => j.jobId === jobId)?.attempts ?? 0) >= 3, 'three failed attempts');
    const job = offline.jobs.find((j) => j.jobId === jobId)!;
    expect(['queued', 'sending']).toContain(job.state);
    expect(job.lastError?.code).toBe('PRINTER_OFFLINE');
    expect(offline.counts.done).toBe(0);
    expect(eventsOf(db, acceptedIntake().intakeId).filter((e) => e.type === 'DOCUMENT_PRINT_DELAYED')).toHaveLength(1);

    sink = await ZplSink.listen(port);
    await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === jobId && j.state === 'done'), 'delivered after the printer came back');
    await sink.waitForLabels(1);
    expect(sink.labels).toHaveLength(1);
    expect(isPrintedBody(db, jobId, sink.labels[0]!)).toBe(true);
  });

  it('survives a restart of the station: the queued job is delivered by the reopened queue', async () => {
    const port = await freePort();
    expect(queue.setSettings(zplSettings(port)).ok).toBe(true);
    queue.start();
    const queued = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    const jobId = queued.value.jobs[0]!.jobId;
    await waitForStatus(queue, (s) => (s.jobs.find((j) => j.jobId === jobId)?.attempts ?? 0) >= 1 && s.jobs.find((j) => j.jobId === jobId)?.state === 'queued', 'first attempt failed');
    await queue.stop();
    // As if the station died while sending: the row is left "sending".
    db.prepare("UPDATE print_jobs SET state = 'sending' WHERE job_id = ?").run(jobId);
    db.close();

    ({ db, queue } = openQueue(temp.dir));
    expect(queue.status().jobs.map((j) => [j.jobId, j.state])).toEqual([[jobId, 'sending']]);
    sink = await ZplSink.listen(port);
    queue.start();
    await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === jobId && j.state === 'done'), 'delivered after restart');
    await sink.waitForLabels(1);
    expect(sink.labels).toHaveLength(1);
    expect(isPrintedBody(db, jobId, sink.labels[0]!)).toBe(true);
    // Its first send was cut off: it may have printed, so the label sent again says REPRINT (issue 14, item 5).
    expect(sink.labels[0]!.toString('latin1')).toContain('REPRINT');
    expect(queue.status().jobs.find((j) => j.jobId === jobId)?.mark).toBe('REPRINT');
  });

  it('sends the jobs for one printer in the order they were made, after an outage', async () => {
    seedParcel(db, returnedIntake(), null);
    const port = await freePort();
    expect(queue.setSettings(zplSettings(port)).ok).toBe(true);
    queue.start();
    const first = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    await waitForStatus(queue, (s) => (s.jobs[0]?.attempts ?? 0) >= 2, 'first job retried');
    const second = queue.enqueueForVerdict(REQUEST_B, returnedIntake());
    if (!first.ok || !second.ok) throw new Error('enqueue failed');
    sink = await ZplSink.listen(port);
    await waitForStatus(queue, (s) => s.counts.done === 2, 'both delivered');
    await sink.waitForLabels(2);
    expect(sink.labels.map((l) => (l.toString('utf8').includes('RETURN TO SENDER') ? 'return-slip' : 'relabel'))).toEqual(['relabel', 'return-slip']);
  });

  it('reprints from the history as a new job marked REPRINT, and a retried request never prints twice', async () => {
    sink = await ZplSink.listen(0);
    expect(queue.setSettings(zplSettings(sink.port)).ok).toBe(true);
    queue.start();
    const a = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    const again = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    expect(again.ok && a.ok && again.value.jobs.map((j) => j.jobId)).toEqual(a.ok && a.value.jobs.map((j) => j.jobId));
    await waitForStatus(queue, (s) => s.counts.done === 1, 'first print');

    const reprint = queue.enqueueDocument(REQUEST_B, acceptedIntake(), 'relabel', 'reprint');
    if (!reprint.ok) throw new Error(reprint.error.message);
    expect(reprint.value).toMatchObject({ copy: 2, reason: 'reprint' });
    await waitForStatus(queue, (s) => s.counts.done === 2, 'reprint done');
    await sink.waitForLabels(2);
    expect(sink.labels[0]!.toString('utf8')).not.toContain('REPRINT');
    expect(sink.labels[1]!.toString('utf8')).toContain('^FDREPRINT 1^FS');

    const history = queue.status(acceptedIntake().intakeId);
    expect(history.jobs.map((j) => j.copy).sort()).toEqual([1, 2]);
    expect(eventsOf(db, acceptedIntake().intakeId).filter((e) => e.type === 'DOCUMENT_QUEUED')).toHaveLength(2);
  });
});
