/**
 * Acceptance: a relabel printed through Debian's CUPS with a PDF printer (cups-pdf), from the print queue, and the
 * printed PDF decoded back to the waybill. Needs cups + printer-driver-cups-pdf and root (see privateCups.ts); where
 * that is missing the test is reported as SKIPPED with the reason printed — never silently passed.
 */
import { chmodSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { PrintQueue } from '../../../electron/printing/printQueue.ts';
import { listCupsPrinters, sendToCups } from '../../../electron/printing/transports/cupsTransport.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { decodeCode128, rasterisePdfFile } from '../../unit/printing/support/rasterise.ts';
import { CUPS_PDF_QUEUE, PrivateCups, cupsUnavailableReason } from './support/privateCups.ts';
import { eventsOf, openQueue, seedParcel, waitForStatus } from './support/queueHarness.ts';

const reason = cupsUnavailableReason();
if (reason !== null) {
  console.warn(`\n*** CUPS print test SKIPPED: ${reason} ***\n`);
}
/** Shown in the test name too, so a skipped run lists why. */
const skipped = reason === null ? '' : ` [SKIPPED: ${reason}]`;

describe('PDF through CUPS (cups-pdf)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let cups: PrivateCups | null = null;
  let db: Database;
  let queue: PrintQueue;
  let savedServer: string | undefined;
  const outputs: string[] = [];

  beforeAll(async () => {
    if (reason !== null) return;
    temp = makeTempDir('print-cups');
    chmodSync(temp.dir, 0o755); // CUPS filters run as user lp and must reach the spool and PPD inside it
    cups = await PrivateCups.start(`${temp.dir}/cups`);
    savedServer = process.env['CUPS_SERVER'];
    process.env['CUPS_SERVER'] = cups.socket; // `lp` and `lpstat`, spawned by the transport, inherit it
    ({ db, queue } = openQueue(`${temp.dir}/station`));
    seedParcel(db, acceptedIntake(), manifestEntry());
    seedParcel(db, returnedIntake(), null);
  }, 60_000);

  afterAll(async () => {
    if (reason !== null) return;
    await queue?.stop();
    db?.close();
    await cups?.stop();
    if (savedServer === undefined) delete process.env['CUPS_SERVER'];
    else process.env['CUPS_SERVER'] = savedServer;
    for (const f of outputs) rmSync(f, { force: true });
    temp.cleanup();
  }, 30_000);

  it.skipIf(reason !== null)(`lists the CUPS queue${skipped}`, async () => {
    expect(await listCupsPrinters()).toContain(CUPS_PDF_QUEUE);
  });

  it.skipIf(reason !== null)(`prints the relabel from the queue; the printed PDF is 4×6 in and scans as the waybill${skipped}`, async () => {
    const since = Date.now();
    queue.setSettings({
      printers: { relabel: { kind: 'pdf-cups', printerName: CUPS_PDF_QUEUE, media: 'label' }, 'return-slip': { kind: 'pdf-cups', printerName: CUPS_PDF_QUEUE, media: 'label' } },
      autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] },
    });
    queue.start();
    const queued = queue.enqueueForVerdict('5f0f6c1a-2a7b-4c11-9c61-00000000c001', acceptedIntake());
    if (!queued.ok) throw new Error(queued.error.message);
    await waitForStatus(queue, (s) => s.counts.done === 1, 'accepted by CUPS', 30_000);
    const printed = eventsOf(db, acceptedIntake().intakeId).find((e) => e.type === 'DOCUMENT_PRINTED');
    const spoolerJob = String(printed?.payload['spoolerJob'] ?? '');
    expect(spoolerJob).toMatch(new RegExp(`^${CUPS_PDF_QUEUE}-\\d+$`));

    const file = await cups!.output(Number(spoolerJob.split('-').at(-1)), since);
    outputs.push(file);
    const image = await rasterisePdfFile(file, 300);
    expect([image.width, image.height]).toEqual([1200, 1800]); // 4×6 in at 300 dpi: the media option held
    expect(decodeCode128(image)).toBe('APELAX1040039963');
  }, 60_000);

  it.skipIf(reason !== null)(`refuses an unknown queue as a setup problem${skipped}`, async () => {
    const result = await sendToCups({ printerName: 'NO_SUCH_PRINTER', media: 'default', title: 'x' }, new Uint8Array([37, 80, 68, 70]));
    expect(result).toMatchObject({ ok: false, error: { code: 'PRINTER_REJECTED' } });
  });
});
