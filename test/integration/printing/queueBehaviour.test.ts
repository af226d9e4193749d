/**
 * The print queue's rules beyond TCP delivery: what prints after which verdict, jobs waiting for a printer to be
 * set up, failures that need a person, browser printing, and damaged stored data that is shown, never reset.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { PrintQueue } from '../../../electron/printing/printQueue.ts';
import { DEFAULT_PRINT_SETTINGS, type PrintSettingsInput } from '../../../shared/printing/printerSettings.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { eventsOf, openQueue, seedParcel, waitForStatus } from './support/queueHarness.ts';
import { ZplSink } from './support/zplSink.ts';

const R1 = '1c3f0e7a-9f8e-4f6b-8d2a-000000000001';
const R2 = '1c3f0e7a-9f8e-4f6b-8d2a-000000000002';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let queue: PrintQueue;
let sink: ZplSink | null;

beforeEach(() => {
  temp = makeTempDir('print-queue');
  ({ db, queue } = openQueue(temp.dir));
  seedParcel(db, acceptedIntake(), manifestEntry());
  seedParcel(db, returnedIntake(), null);
  sink = null;
});

afterEach(async () => {
  await queue.stop();
  db.close();
  await sink?.close();
  temp.cleanup();
});

function withPrinters(printers: PrintSettingsInput['printers'], autoPrint = DEFAULT_PRINT_SETTINGS.autoPrint): PrintSettingsInput {
  return { printers, autoPrint };
}

describe('what prints after a verdict', () => {
  it('follows the per-verdict setting: nothing for HOLD by default, a return slip once configured', () => {
    const held = returnedIntake({ verdict: { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID.' }], reprice: null } });
    const none = queue.enqueueForVerdict(R1, held);
    expect(none.ok && none.value).toEqual({ jobs: [], notQueued: [] });
    queue.setSettings(withPrinters({ relabel: null, 'return-slip': { kind: 'browser-print' } }, { ACCEPT: [], HOLD: ['return-slip'], RETURN: [] }));
    const one = queue.enqueueForVerdict(R2, held);
    expect(one.ok && one.value.jobs.map((j) => j.document)).toEqual(['return-slip']);
  });

  it('reports a document that cannot be made (and logs it for HQ) instead of dropping it', () => {
    queue.setSettings(withPrinters({ relabel: { kind: 'browser-print' }, 'return-slip': null }, { ACCEPT: ['relabel', 'return-slip'], HOLD: [], RETURN: [] }));
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.jobs.map((j) => j.document)).toEqual(['relabel']);
    expect(result.value.notQueued).toMatchObject([{ document: 'return-slip', code: 'DOCUMENT_UNAVAILABLE' }]);
    expect(eventsOf(db, acceptedIntake().intakeId).map((e) => e.type)).toEqual(['DOCUMENT_QUEUED', 'DOCUMENT_NOT_PRINTED']);
  });
});

describe('jobs that need a person', () => {
  it('waits as failed/NO_PRINTER until a printer is set up, then prints by itself', async () => {
    queue.start();
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.jobs[0]).toMatchObject({ state: 'failed', lastError: { code: 'NO_PRINTER' }, format: null });

    sink = await ZplSink.listen(0);
    expect(queue.setSettings(withPrinters({ relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 300 }, 'return-slip': null })).ok).toBe(true);
    await waitForStatus(queue, (s) => s.counts.done === 1, 'printed once a printer was set up');
    await sink.waitForLabels(1);
    expect(sink.labels[0]!.toString('utf8')).toContain('^PW1200');
  });

  it('a refused printer fails the job; retry sends it to the printer set up now', async () => {
    const notADevice = path.join(temp.dir, 'not-a-printer.txt');
    writeFileSync(notADevice, '');
    queue.setSettings(withPrinters({ relabel: { kind: 'zpl-device', path: notADevice, dpi: 203 }, 'return-slip': null }));
    queue.start();
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    if (!result.ok) throw new Error(result.error.message);
    const jobId = result.value.jobs[0]!.jobId;
    const failed = await waitForStatus(queue, (s) => s.counts.failed === 1, 'failed');
    expect(failed.jobs[0]).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'PRINTER_REJECTED' } });
    expect(eventsOf(db, acceptedIntake().intakeId).map((e) => e.type)).toEqual(['DOCUMENT_QUEUED', 'DOCUMENT_PRINT_FAILED']);

    sink = await ZplSink.listen(0);
    // Saving a new printer moves the failed job to it (its failure was the printer).
    queue.setSettings(withPrinters({ relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 203 }, 'return-slip': null }));
    await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === jobId && j.state === 'done'), 'done on the new printer');
    expect(queue.retry(jobId)).toMatchObject({ ok: false, error: { code: 'JOB_STATE' } });
  });

  it('retry refuses without a printer and names unknown jobs', () => {
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    const jobId = result.ok ? result.value.jobs[0]!.jobId : '';
    expect(queue.retry(jobId)).toMatchObject({ ok: false, error: { code: 'NO_PRINTER' } });
    expect(queue.retry('00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });
});

describe('browser printing', () => {
  it('hands the page to the UI and counts it printed only when a person confirms', async () => {
    queue.setSettings(withPrinters({ relabel: null, 'return-slip': { kind: 'browser-print' } }));
    queue.start();
    const result = queue.enqueueForVerdict(R1, returnedIntake());
    if (!result.ok) throw new Error(result.error.message);
    const jobId = result.value.jobs[0]!.jobId;
    await waitForStatus(queue, (s) => s.counts.handoff === 1, 'handed off');
    const page = await queue.content(jobId);
    expect(page.ok && page.value.html).toContain('RETURN TO SENDER');
    expect(queue.confirmHandoff(jobId, false)).toMatchObject({ ok: true, value: { state: 'handoff' } });
    expect(queue.confirmHandoff(jobId, true)).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(eventsOf(db, returnedIntake().intakeId).map((e) => e.type)).toEqual(['DOCUMENT_QUEUED', 'DOCUMENT_PRINT_HANDOFF', 'DOCUMENT_PRINTED']);
  });
});

describe('system printers (Electron silent print)', () => {
  it('is unavailable until Electron attaches its adapter, then prints the HTML page to the named printer', async () => {
    queue.setSettings(withPrinters({ relabel: { kind: 'pdf-system', deviceName: 'Zebra_ZD421' }, 'return-slip': null }));
    queue.start();
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    const jobId = result.ok ? result.value.jobs[0]!.jobId : '';
    const failed = await waitForStatus(queue, (s) => s.counts.failed === 1, 'no system printer outside Electron');
    expect(failed.jobs[0]?.lastError?.code).toBe('PRINTER_UNAVAILABLE');

    const printed: Array<{ html: string; deviceName: string }> = [];
    queue.attachSystemPrinter({
      printHtml: async (html, deviceName) => {
        printed.push({ html, deviceName });
        return { ok: true, value: null };
      },
      listPrinters: async () => [{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421' }],
    });
    expect(queue.retry(jobId).ok).toBe(true);
    await waitForStatus(queue, (s) => s.counts.done === 1, 'printed by the system printer');
    expect(printed).toHaveLength(1);
    expect(printed[0]?.deviceName).toBe('Zebra_ZD421');
    expect(printed[0]?.html).toContain('@page{size:4in 6in;margin:0}');
    expect(printed[0]?.html).toContain('APELAX1040039963');
    expect(await queue.listPrinters()).toMatchObject({ system: [{ name: 'Zebra_ZD421' }] });
  });
});

describe('stored data that does not parse', () => {
  it('printer setup: an error, never a silent reset', () => {
    db.prepare("INSERT INTO print_settings (id, settings_json, updated_at) VALUES (1, '{\"printers\":7}', 0)").run();
    expect(queue.settings()).toMatchObject({ ok: false, error: { code: 'SETTINGS_DAMAGED' } });
    expect(queue.enqueueForVerdict(R1, acceptedIntake())).toMatchObject({ ok: false, error: { code: 'SETTINGS_DAMAGED' } });
    expect(queue.setSettings({ printers: {} })).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } });
    expect((db.prepare('SELECT settings_json FROM print_settings').get() as { settings_json: string }).settings_json).toBe('{"printers":7}');
  });

  it('a damaged job is listed as damaged and kept', async () => {
    queue.setSettings(withPrinters({ relabel: { kind: 'browser-print' }, 'return-slip': null }));
    const result = queue.enqueueForVerdict(R1, acceptedIntake());
    const jobId = result.ok ? result.value.jobs[0]!.jobId : '';
    db.prepare("UPDATE print_jobs SET model_json = '{\"document\":\"relabel\"}' WHERE job_id = ?").run(jobId);
    queue.start();
    const status = await waitForStatus(queue, (s) => s.counts.failed === 1, 'damaged job failed');
    expect(status.jobs[0]).toMatchObject({ jobId, state: 'failed', lastError: { code: 'JOB_DAMAGED' } });
    db.prepare("UPDATE print_jobs SET last_error_code = 'BOGUS' WHERE job_id = ?").run(jobId);
    expect(queue.status().damaged).toMatchObject([{ jobId }]);
    expect(queue.job(jobId)).toMatchObject({ ok: false, error: { code: 'JOB_DAMAGED' } });
  });
});
