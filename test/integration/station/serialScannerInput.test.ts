/**
 * A serial scanner on a real pseudo-terminal feeds the real station: a scan opens the parcel, a bad check digit is
 * refused and told to the screen, nothing is stored for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { openPtyPair, type PtyPair } from '../../../electron/devices/scale/socatPtyPair.ts';
import { openConfiguredStation } from '../../../electron/station/openConfiguredStation.ts';
import type { Station } from '../../../electron/station/createStation.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { TEST_LEAD } from '../../support/signedIn.ts';

let pair: PtyPair | null = null;
let station: Station | null = null;
let device: SerialPort | null = null;
const temp = makeTempDir('scanner-input');
afterEach(async () => {
  await new Promise<void>((resolve) => (device?.isOpen ? device.close(() => resolve()) : resolve()));
  await station?.close();
  await pair?.close();
  temp.cleanup();
});

describe('serial scanner input', () => {
  it('opens the parcel for a scan and tells the screen about a refused one', async () => {
    const opened = await openPtyPair();
    if (!opened.ok) throw new Error(opened.message);
    pair = opened.pair;
    station = await openConfiguredStation({ signedInAs: TEST_LEAD,
      argv: ['--data-dir', temp.dir, '--demo', '--scanner', `serial:${pair.hostPath}`], env: {}, transport: 'browser', defaultDataDir: temp.dir, version: 't',
    });
    const rejected: Array<{ code: string; raw: string }> = [];
    station.events.subscribe('scanRejected', (r) => rejected.push(r));
    device = new SerialPort({ path: pair.devicePath, baudRate: 9600 });
    await new Promise<void>((resolve, reject) => device!.once('open', () => resolve()).once('error', reject));
    // The scanner connects asynchronously: keep offering the first scan until the station has it.
    await expect.poll(() => {
      device!.write('1Z4E81W20370000157\r\n');
      return rejected.length;
    }, { timeout: 15_000, interval: 500 }).toBeGreaterThan(0);
    expect(rejected[0]).toMatchObject({ code: 'INVALID_CHECK_DIGIT', raw: '1Z4E81W20370000157' });
    device.write('1Z4E81W20370000156\r\n');
    await expect.poll(() => station!.intake.current()?.manifest?.waybill, { timeout: 10_000 }).toBe('APELAX1040000101');
    expect(station.intake.current()?.scan.kind).toBe('ups_1z');
    const sources = station.db.prepare("SELECT json_extract(payload, '$.source') AS source FROM events WHERE type = 'INTAKE_SCANNED'").all();
    expect(sources).toEqual([{ source: 'serial' }]);
  });
});
