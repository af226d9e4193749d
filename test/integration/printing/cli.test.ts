/**
 * The support commands: `slip` renders without printing (demo and stored parcels), `print-test` sends a test label.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import printTest from '../../../electron/cli/commands/print-test.ts';
import slip from '../../../electron/cli/commands/slip.ts';
import { openStationDatabase } from '../../../electron/db/openStationDatabase.ts';
import { decodeZplCode128Data } from '../../../shared/printing/code128.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { acceptedIntake, manifestEntry, returnedIntake } from '../../unit/printing/support/parcels.ts';
import { decodeCode128, rasterisePdf } from '../../unit/printing/support/rasterise.ts';
import { seedParcel } from './support/queueHarness.ts';
import { ZplSink, freePort } from './support/zplSink.ts';

async function run(command: typeof slip, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.length ? (JSON.parse(out.join('\n')) as Record<string, unknown>) : null, err: err.join('\n') };
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('print-cli');
});
afterEach(() => temp.cleanup());

describe('npm run cli -- slip', () => {
  it('renders a demo relabel as PDF that scans as the waybill', async () => {
    const out = path.join(temp.dir, 'relabel.pdf');
    const r = await run(slip, 'relabel', '--waybill', 'APELAX1040000101', '--format', 'pdf', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatchObject({ ok: true, document: 'relabel', format: 'pdf', source: 'demo', decision: 'ACCEPT' });
    expect(decodeCode128(await rasterisePdf(await readFile(out), 203))).toBe('APELAX1040000101');
  });

  it('renders a demo return slip as ZPL at 300 dpi, with the rules engine\'s reason', async () => {
    const out = path.join(temp.dir, 'return.zpl');
    const r = await run(slip, 'return', '--waybill', 'APELAX1160000110', '--format', 'zpl', '--dpi', '300', '--out', out);
    expect(r.code, r.err).toBe(0);
    const zpl = await readFile(out, 'utf8');
    expect(zpl).toContain('^PW1200');
    expect(zpl).toContain('OVERWEIGHT');
    expect(decodeZplCode128Data(/\^BCN,\d+,N,N,N,N\^FD([^^]+)\^FS/.exec(zpl)?.[1] ?? '')).toBe('APELAX1160000110');
  });

  it('renders a demo relabel as EPL2 for a Zebra 2844, the waybill in its Code 128 command', async () => {
    const out = path.join(temp.dir, 'relabel.epl');
    const r = await run(slip, 'relabel', '--waybill', 'APELAX1040000101', '--format', 'epl', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatchObject({ ok: true, document: 'relabel', format: 'epl' });
    const epl = await readFile(out, 'latin1');
    expect(epl).toMatch(/^\r?\nN\r\n|\bN\r\n/);
    expect(/\nB\d+,\d+,0,1,\d+,\d+,\d+,N,"([^"]+)"\r\n/.exec(epl)?.[1]).toBe('APELAX1040000101');
    expect(epl.trimEnd().endsWith('P1')).toBe(true);
  });

  it('renders a stored parcel from a station database', async () => {
    const db = openStationDatabase(temp.dir);
    seedParcel(db, returnedIntake(), manifestEntry());
    db.close();
    const out = path.join(temp.dir, 'stored.pdf');
    const r = await run(slip, 'return', '--waybill', 'APELAX1040039963', '--format', 'pdf', '--out', out, '--data-dir', temp.dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatchObject({ source: 'stored', decision: 'RETURN' });
    expect(decodeCode128(await rasterisePdf(await readFile(out), 300))).toBe('APELAX1040039963');
  });

  it('says why it cannot: unknown parcel (1), wrong document (1), bad usage (2)', async () => {
    const out = path.join(temp.dir, 'x.pdf');
    expect((await run(slip, 'relabel', '--waybill', 'APELAX1049999999', '--format', 'pdf', '--out', out)).code).toBe(1);
    const wrong = await run(slip, 'return', '--waybill', 'APELAX1040000101', '--format', 'pdf', '--out', out);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('DOCUMENT_UNAVAILABLE');
    const db = openStationDatabase(temp.dir);
    seedParcel(db, acceptedIntake(), manifestEntry());
    db.close();
    expect((await run(slip, 'relabel', '--waybill', 'APELAX1040000101', '--format', 'pdf', '--out', out, '--data-dir', temp.dir)).code).toBe(1);
    expect((await run(slip, 'label', '--waybill', 'APELAX1040000101', '--format', 'pdf', '--out', out)).code).toBe(2);
    expect((await run(slip, 'relabel', '--waybill', 'APELAX1040000101', '--format', 'png', '--out', out)).code).toBe(2);
  });
});

describe('npm run cli -- print-test', () => {
  let sink: ZplSink | null = null;
  afterEach(async () => {
    await sink?.close();
    sink = null;
  });

  it('sends one test label to a TCP printer', async () => {
    sink = await ZplSink.listen(0);
    const r = await run(printTest, `127.0.0.1:${sink.port}`, '--station-id', 'CHI-DOCK-1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatchObject({ ok: true, printer: `ZPL 203 dpi at 127.0.0.1:${sink.port}` });
    await sink.waitForLabels(1);
    const label = sink.labels[0]!.toString('utf8');
    expect(label).toContain('^FDPrinter test label^FS');
    expect(decodeZplCode128Data(/\^BCN,\d+,N,N,N,N\^FD([^^]+)\^FS/.exec(label)?.[1] ?? '')).toBe('ECMSTESTCHI');
  });

  it('reports an offline printer with its code and exit 1, bad printers with exit 2', async () => {
    const port = await freePort();
    const r = await run(printTest, `tcp://127.0.0.1:${port}`);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.err)).toMatchObject({ error: { code: 'PRINTER_OFFLINE' } });
    expect((await run(printTest, path.join(temp.dir, 'no-such-device'))).code).toBe(1);
    expect((await run(printTest, 'printer name with spaces')).code).toBe(2);
    expect((await run(printTest)).code).toBe(2);
  });
});
