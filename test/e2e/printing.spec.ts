/**
 * Printing on the real screen: a ZPL printer listening on a loopback TCP port (as a Zebra on 9100 would), set up
 * through the contract; deciding a parcel prints its relabel automatically, the whole label arrives once, and the
 * print queue on screen shows it printed. "Print label" prints another copy.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { StationSocket } from '../support/stationProcess.ts';
import { test, expect } from './support/stationFixture.ts';
import { openSignedIn } from './support/signIn.ts';

test('a decided parcel prints its ZPL relabel to a TCP printer, shown in the print queue', async ({ page, station }) => {
  const labels: string[] = [];
  const printer: Server = createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => labels.push(data));
  });
  await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  const port = (printer.address() as AddressInfo).port;
  try {
    const socket = await StationSocket.openSignedIn(station.proc.info);
    const set = await socket.call('printer.set', {
      printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 }, 'return-slip': null },
      autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: [] },
    });
    expect(set.ok, JSON.stringify(set)).toBe(true);
    socket.close();

    await openSignedIn(page, station.proc.info.pageUrl);
    await page.getByTestId('scan-input').fill('1Z4E81W20370000156');
    await page.getByTestId('scan-input').press('Enter');
    await page.getByTestId('manual-weight').fill('3.2');
    await page.getByTestId('manual-reason').fill('printing test');
    await page.getByRole('button', { name: 'Type weight' }).click();
    await page.getByTestId('dim-length').fill('12');
    await page.getByTestId('dim-width').fill('10');
    await page.getByTestId('dim-height').fill('8');
    await page.getByTestId('set-dims').click();
    await expect(page.getByTestId('verdict-decision')).toContainText('ACCEPT');

    await expect.poll(() => labels.length, { timeout: 20_000 }).toBe(1);
    expect(labels[0]).toMatch(/^\^XA/);
    expect(labels[0]).toContain('^PW812');
    expect(labels[0]).toContain('APELAX1040000101');
    expect(labels[0]?.trimEnd()).toMatch(/\^XZ$/);
    await expect(page.getByTestId('printing')).toContainText('Printed');

    await page.getByTestId('print').click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'printed');
    await expect.poll(() => labels.length, { timeout: 20_000 }).toBe(2);
  } finally {
    await new Promise<void>((resolve) => printer.close(() => resolve()));
  }
});
