/**
 * Acceptance (issue 16.4): a station set up with a Zebra LP/TLP 2844 (EPL2) on the network sends its relabel and
 * return slip through the print queue to a TCP 9100-style listener on loopback, and the printer test label too.
 * What arrives is the EPL2 stream (N … P1, 203 dpi on a 4×6 in label), once, with the parcel's barcode, and the
 * consignee's name in Chinese as a GW graphic (the same 1-bit bitmap ZPL sends as ^GF): EPL2's resident fonts are
 * Latin only. The stream's grammar is proven in test/unit/printing/eplRenderer.test.ts.
 */
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeTextArt } from '../../../electron/printing/fonts/nativeTextArt.ts';
import type { PrintQueue } from '../../../electron/printing/printQueue.ts';
import { sendTestLabel } from '../../../electron/printing/testLabel.ts';
import { EPL_DPI } from '../../../shared/printing/eplRenderer.ts';
import type { PrintSettingsInput } from '../../../shared/printing/printerSettings.ts';
import { PT_PER_INCH } from '../../../shared/printing/labelLayout.ts';
import { CONSIGNEE_BOXES } from '../../../shared/printing/relabelLayout.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { eventsOf, isPrintedBody, openQueue, seedParcel, waitForStatus } from './support/queueHarness.ts';
import { ZplSink } from './support/zplSink.ts';

const REQUEST_A = '0b7a6a8e-5d55-4c1e-9a51-5a7f1c1e0b01';
const REQUEST_B = '0b7a6a8e-5d55-4c1e-9a51-5a7f1c1e0b02';
const NATIVE = { name: '王晓明', address: '北京市朝阳区建国路88号' };

function eplSettings(port: number): PrintSettingsInput {
  return {
    printers: { relabel: { kind: 'epl-tcp', host: '127.0.0.1', port }, 'return-slip': { kind: 'epl-tcp', host: '127.0.0.1', port } },
    autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] },
  };
}

/** The command lines of an EPL2 stream (CR LF ended); a GW command's raw bytes are skipped by its own count. */
function eplLines(stream: Buffer): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < stream.length) {
    if (stream.toString('latin1', at, at + 2) === 'GW') {
      const head = /^GW(\d+),(\d+),(\d+),(\d+),/.exec(stream.toString('latin1', at, at + 40));
      if (head === null) throw new Error('a GW command without its four parameters');
      lines.push(head[0].slice(0, -1));
      at += head[0].length + Number(head[3]) * Number(head[4]);
      expect(stream.toString('latin1', at, at + 2)).toBe('\r\n');
      at += 2;
      continue;
    }
    const end = stream.indexOf('\r\n', at, 'latin1');
    lines.push(stream.toString('latin1', at, end < 0 ? stream.length : end));
    at = end < 0 ? stream.length : end + 2;
  }
  return lines;
}

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let queue: PrintQueue;
let sink: ZplSink;

beforeEach(async () => {
  temp = makeTempDir('print-epl');
  ({ db, queue } = openQueue(temp.dir));
  sink = await ZplSink.listen(0);
});

afterEach(async () => {
  await queue.stop();
  if (db.open) db.close();
  await sink.close();
  temp.cleanup();
});

describe('EPL2 (Zebra LP/TLP 2844) over TCP through the print queue', () => {
  it('prints the relabel after an accept: one EPL2 label with the waybill barcode and the name in Chinese as a graphic', async () => {
    seedParcel(db, acceptedIntake(), manifestEntry({ consigneeNative: NATIVE }));
    expect(queue.setSettings(eplSettings(sink.port)).ok).toBe(true);
    queue.start();
    const queued = queue.enqueueForVerdict(REQUEST_A, acceptedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    const [job] = queued.value.jobs;
    expect(job).toMatchObject({ document: 'relabel', state: 'queued', printer: `EPL2 (LP/TLP 2844) 203 dpi at 127.0.0.1:${sink.port}` });

    await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === job!.jobId && j.state === 'done'), 'relabel printed');
    await sink.waitForLabels(1);
    expect(sink.labels).toHaveLength(1);
    const label = sink.labels[0]!;
    expect(isPrintedBody(db, job!.jobId, label)).toBe(true);
    expect(db.prepare('SELECT format FROM print_jobs WHERE job_id = ?').pluck().get(job!.jobId)).toBe('epl');

    const lines = eplLines(label);
    expect(lines.slice(0, 4)).toEqual(['', 'N', 'q812', 'Q1218,24']);
    expect(lines.at(-1)).toBe('P1');
    expect(lines.filter((l) => l === 'P1')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('B'))).toEqual([expect.stringMatching(/^B\d+,\d+,0,1,[2-4],[2-4],\d+,N,"APELAX1040039963"$/)]);
    expect(lines.some((l) => /^A\d+,\d+,0,[1-5],\d,\d,N,"Wang Xiaoming"$/.test(l))).toBe(true);
    // The native name and address: one GW graphic each, at the top of their boxes, drawn as the same bitmap ZPL uses.
    const graphics = lines.filter((l) => l.startsWith('GW'));
    expect(graphics).toHaveLength(2);
    const nameBitmap = nativeTextArt.bitmap(NATIVE.name, 'zh-Hans', true, (CONSIGNEE_BOXES.nativeName.maxSize * EPL_DPI) / PT_PER_INCH, Math.round((CONSIGNEE_BOXES.nativeName.width * EPL_DPI) / PT_PER_INCH));
    const nameY = Math.round((CONSIGNEE_BOXES.nativeName.y * EPL_DPI) / PT_PER_INCH);
    expect(graphics[0]).toMatch(new RegExp(`^GW\\d+,${nameY},${nameBitmap.rowBytes},${nameBitmap.height}$`));
    expect(label.includes(Buffer.from(nameBitmap.bits.map((b) => ~b & 0xff)))).toBe(true);

    expect(eventsOf(db, acceptedIntake().intakeId).map((e) => e.type)).toEqual(['DOCUMENT_QUEUED', 'DOCUMENT_PRINTED']);
  });

  it('prints the return slip after a return: one EPL2 label with the waybill barcode and no graphic', async () => {
    seedParcel(db, returnedIntake(), manifestEntry());
    expect(queue.setSettings(eplSettings(sink.port)).ok).toBe(true);
    queue.start();
    const queued = queue.enqueueForVerdict(REQUEST_B, returnedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    const [job] = queued.value.jobs;
    expect(job).toMatchObject({ document: 'return-slip', state: 'queued' });

    await waitForStatus(queue, (s) => s.jobs.some((j) => j.jobId === job!.jobId && j.state === 'done'), 'return slip printed');
    await sink.waitForLabels(1);
    const lines = eplLines(sink.labels[0]!);
    expect(lines.slice(0, 4)).toEqual(['', 'N', 'q812', 'Q1218,24']);
    expect(lines.filter((l) => l.startsWith('B'))).toEqual([expect.stringMatching(/,N,"APELAX1040039963"$/)]);
    expect(lines.some((l) => /^A\d+,\d+,0,[1-5],\d,\d,R,"RETURN TO SENDER"$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('GW'))).toBe(false);
    expect(lines.at(-1)).toBe('P1');
  });

  it('sends the printer test label as EPL2, with the test barcode', async () => {
    const sent = await sendTestLabel({ kind: 'epl-tcp', host: '127.0.0.1', port: sink.port }, STATION, 'maria', NOW, { systemPrinter: null });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.value.printer).toBe(`EPL2 (LP/TLP 2844) 203 dpi at 127.0.0.1:${sink.port}`);
    await sink.waitForLabels(1);
    const lines = eplLines(sink.labels[0]!);
    expect(lines.slice(0, 4)).toEqual(['', 'N', 'q812', 'Q1218,24']);
    expect(lines.some((l) => l.endsWith('"Printer test label"'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('B'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('P1');
  });
});
