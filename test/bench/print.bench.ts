/**
 * Printing: how long a document takes to render (ZPL 203 dpi, PDF with a bwip-js barcode, the HTML page) and how
 * long the print queue takes from enqueue after a verdict to the whole label delivered to a loopback TCP 9100
 * stand-in (one SQLite transaction to queue, one to record the print, synchronous=FULL, on a file database).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderDocument } from '../../electron/printing/renderDocument.ts';
import { relabelModel } from '../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../shared/printing/returnSlipModel.ts';
import type { DocumentModel } from '../../shared/printing/documentModel.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from '../unit/printing/support/parcels.ts';
import { openQueue, seedParcel, waitForStatus } from '../integration/printing/support/queueHarness.ts';
import { ZplSink } from '../integration/printing/support/zplSink.ts';
import { percentile, type BenchRow } from './benchTypes.ts';

const RENDERS = 200;
const JOBS = 200;

async function timeRenders(model: DocumentModel, request: Parameters<typeof renderDocument>[1]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const t0 = performance.now();
    const doc = await renderDocument(model, request);
    times.push(performance.now() - t0);
    if (!doc.ok) throw new Error(doc.error.message);
  }
  return times;
}

export default async function run(): Promise<BenchRow[]> {
  const relabel = relabelModel(acceptedIntake(), STATION, NOW);
  const slip = returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW);
  if (!relabel.ok || !slip.ok) throw new Error('fixture models');
  const zpl = await timeRenders(relabel.value, { format: 'zpl', dpi: 203 });
  const pdf = await timeRenders(relabel.value, { format: 'pdf' });
  const slipPdf = await timeRenders(slip.value, { format: 'pdf' });
  const html = await timeRenders(relabel.value, { format: 'html' });

  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-bench-print-'));
  const sink = await ZplSink.listen(0);
  const { db, queue } = openQueue(dir);
  const latencies: number[] = [];
  try {
    queue.setSettings({ printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 203 }, 'return-slip': null }, autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: [] } });
    const intakes = Array.from({ length: JOBS }, () => acceptedIntake({ intakeId: randomUUID() }));
    for (const intake of intakes) seedParcel(db, intake, manifestEntry());
    queue.start();
    const started = performance.now();
    for (const intake of intakes) {
      const t0 = performance.now();
      const done = queue.status().counts.done;
      const queued = queue.enqueueForVerdict(randomUUID(), intake);
      if (!queued.ok) throw new Error(queued.error.message);
      await waitForStatus(queue, (s) => s.counts.done === done + 1, 'delivered');
      latencies.push(performance.now() - t0);
    }
    const perSecond = JOBS / ((performance.now() - started) / 1000);
    return rows(zpl, pdf, slipPdf, html, latencies, perSecond);
  } finally {
    await queue.stop();
    db.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(zpl: number[], pdf: number[], slipPdf: number[], html: number[], latencies: number[], perSecond: number): BenchRow[] {
  return [
    { name: 'print: relabel → ZPL 203 dpi (p50)', value: percentile(zpl, 50), unit: 'ms' },
    { name: 'print: relabel → PDF, bwip-js barcode (p50)', value: percentile(pdf, 50), unit: 'ms' },
    { name: 'print: relabel → PDF (p99)', value: percentile(pdf, 99), unit: 'ms', goal: 'p99 ≤ 100 ms', met: percentile(pdf, 99) <= 100 },
    { name: 'print: return slip → PDF (p50)', value: percentile(slipPdf, 50), unit: 'ms' },
    { name: 'print: relabel → HTML page (p50)', value: percentile(html, 50), unit: 'ms' },
    { name: 'print: verdict → label on TCP printer (p50)', value: percentile(latencies, 50), unit: 'ms' },
    { name: 'print: verdict → label on TCP printer (p99)', value: percentile(latencies, 99), unit: 'ms', goal: 'p99 ≤ 500 ms', met: percentile(latencies, 99) <= 500 },
    { name: 'print: queue throughput, one at a time', value: perSecond, unit: 'labels/s' },
  ];
}
