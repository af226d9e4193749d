/**
 * The proposed contract commands (shared/printing/printContract.ts) end to end over a real queue: each request
 * parsed with its request schema, each answer checked against its response schema.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { printCommandHandlers, type PrintCommandHandlers } from '../../../electron/printing/printCommandHandlers.ts';
import type { PrintQueue } from '../../../electron/printing/printQueue.ts';
import { PRINT_COMMANDS } from '../../../shared/printing/printContract.ts';
import { printFail, printOk } from '../../../shared/printing/printErrors.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { acceptedIntake, manifestEntry } from '../../unit/printing/support/parcels.ts';
import { openQueue, seedParcel, waitForStatus } from './support/queueHarness.ts';
import { ZplSink } from './support/zplSink.ts';

type Name = keyof PrintCommandHandlers;

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let queue: PrintQueue;
let handlers: PrintCommandHandlers;
let sink: ZplSink;

beforeEach(async () => {
  temp = makeTempDir('print-cmd');
  ({ db, queue } = openQueue(temp.dir));
  seedParcel(db, acceptedIntake(), manifestEntry());
  sink = await ZplSink.listen(0);
  handlers = printCommandHandlers({
    queue,
    intake: (id) => (id === acceptedIntake().intakeId ? printOk(acceptedIntake()) : printFail('DOCUMENT_UNAVAILABLE', `no intake ${id}`)),
    operator: () => 'maria',
  });
  queue.start();
});

afterEach(async () => {
  await queue.stop();
  db.close();
  await sink.close();
  temp.cleanup();
});

/** Parses the request like a transport would, runs the handler, checks the answer's shape. */
async function call<N extends Name>(name: N, request: unknown) {
  const parsed = PRINT_COMMANDS[name].request.safeParse(request);
  if (!parsed.success) return { ok: false as const, error: { code: 'INVALID_REQUEST', message: parsed.error.message } };
  const handler = handlers[name] as (r: unknown) => ReturnType<PrintCommandHandlers[N]>;
  const result = await handler(parsed.data);
  if (result.ok) PRINT_COMMANDS[name].response.parse(result.value);
  return result;
}

describe('printing commands', () => {
  it('set up a printer, test it, reprint from the history, read the queue', async () => {
    const settings = { printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 203 }, 'return-slip': null }, autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: [] } };
    expect(await call('printer.set', settings)).toMatchObject({ ok: true });
    expect(await call('printer.get', {})).toMatchObject({ ok: true, value: { printers: { relabel: { port: sink.port, checkStatus: false } } } });
    expect(await call('printer.set', { ...settings, autoPrint: { ACCEPT: ['label'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    const test = await call('print.test', { target: settings.printers.relabel });
    expect(test).toMatchObject({ ok: true, value: { printer: `ZPL 203 dpi at 127.0.0.1:${sink.port}`, handoffHtml: null } });
    await sink.waitForLabels(1);

    const reprint = await call('print.reprint', { commandId: 'a1e0c0de-0000-4000-8000-000000000001', intakeId: acceptedIntake().intakeId, document: 'relabel' });
    expect(reprint).toMatchObject({ ok: true, value: { reason: 'reprint', copy: 1 } });
    await waitForStatus(queue, (s) => s.counts.done === 1, 'reprinted');
    await sink.waitForLabels(2);

    const history = await call('print.queue', { intakeId: acceptedIntake().intakeId });
    expect(history).toMatchObject({ ok: true, value: { counts: { done: 1 }, jobs: [{ state: 'done', document: 'relabel' }], damaged: [] } });
    expect(await call('print.retry', { jobId: 'a1e0c0de-0000-4000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(await call('print.reprint', { commandId: 'a1e0c0de-0000-4000-8000-000000000002', intakeId: 'a1e0c0de-0000-4000-8000-000000000003', document: 'relabel' })).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
    expect(await call('printer.list', {})).toMatchObject({ ok: true, value: { system: null } });
  });

  it('browser printing: test label and jobs come back as pages for the dialog', async () => {
    expect(await call('printer.set', { printers: { relabel: { kind: 'browser-print' }, 'return-slip': null }, autoPrint: { ACCEPT: [], HOLD: [], RETURN: [] } })).toMatchObject({ ok: true });
    const test = await call('print.test', { target: { kind: 'browser-print' } });
    expect(test.ok && test.value.handoffHtml).toContain('Printer test label');
    const job = await call('print.reprint', { commandId: 'a1e0c0de-0000-4000-8000-000000000004', intakeId: acceptedIntake().intakeId, document: 'relabel' });
    const jobId = job.ok ? job.value.jobId : '';
    await waitForStatus(queue, (s) => s.counts.handoff === 1, 'handed to the browser');
    const page = await call('print.content', { jobId });
    expect(page.ok && page.value.html).toContain('APELAX1040039963');
    expect(await call('print.confirm', { jobId, printed: true })).toMatchObject({ ok: true, value: { state: 'done' } });
  });
});
