/**
 * A corrected verdict voids its printed label, on the real screen through the real station with the simulated
 * scale and a ZPL printer on a loopback TCP port: the parcel is accepted and its relabel prints; a clearly heavier
 * weight then settles on the platform, the station takes it and decides again (RETURN, over 44 lb); the card and
 * the print queue say the relabel is VOID, and the return slip prints by the auto-print rule. Screenshots of the
 * card and the queue at 1280×800 and 1920×1080 go to test-results/screenshots/.
 */
import path from 'node:path';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/stationFixture.ts';
import { BENCH_SIZES, openBench, place, typeAndEnter, wedgeScan } from './support/benchPage.ts';

test('a corrected verdict voids its printed label on the card and in the print queue', async ({ page, station }) => {
  const labels: string[] = [];
  const printer: Server = createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('end', () => labels.push(data));
  });
  await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  const port = (printer.address() as AddressInfo).port;
  try {
    const { scale } = await openBench(page, station);
    const zpl = { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 } as const;
    const set = await scale.call('printer.set', { printers: { relabel: zpl, 'return-slip': zpl }, autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] } });
    expect(set.ok, JSON.stringify(set)).toBe(true);

    await wedgeScan(page, '1Z4E81W20370000156');
    await place(scale, '3.20');
    await expect(page.getByTestId('captured-weight')).toHaveText('3.20 lb (scale)');
    await expect(page.getByTestId('dim-length')).toBeFocused();
    await typeAndEnter(page, '12');
    await typeAndEnter(page, '10');
    await typeAndEnter(page, '8');
    await expect(page.getByTestId('verdict-decision')).toHaveText('ACCEPT');
    await expect.poll(() => labels.length, { timeout: 20_000 }).toBe(1);
    const card = page.getByTestId('document-status');
    await expect(card.getByTestId('document')).toHaveText(/Relabel.*printed/);

    // The platform now shows a clearly different stable weight: the station takes it and decides again.
    await place(scale, '46.20');
    await expect(page.getByTestId('captured-weight')).toHaveText('46.20 lb (scale)');
    await expect(page.getByTestId('verdict-decision')).toHaveText('RETURN');

    const voided = card.locator('[data-voided="true"]');
    await expect(voided).toHaveCount(1);
    await expect(voided).toContainText('VOID');
    await expect(voided).toContainText('Take it off the parcel');
    const queue = page.getByTestId('print-queue');
    const voidRow = queue.locator('[data-testid="print-job"][data-voided="true"]');
    await expect(voidRow).toHaveCount(1);
    await expect(voidRow.getByTestId('print-job-void')).toContainText('VOID');
    await expect(voidRow.getByTestId('print-reprint')).toHaveCount(0);

    // The return slip prints once; the void label is not printed again.
    await expect.poll(() => labels.length, { timeout: 20_000 }).toBe(2);
    await expect(card.locator('[data-voided="false"]')).toHaveText(/Return slip.*printed/);
    expect(labels[0]).toContain('APELAX1040000101');
    expect(labels[1]).toContain('RETURN');

    for (const size of BENCH_SIZES) {
      await page.setViewportSize(size);
      await page.getByTestId('intake').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join('test-results', 'screenshots', `void-card-${size.width}x${size.height}.png`) });
      await queue.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join('test-results', 'screenshots', `void-queue-${size.width}x${size.height}.png`) });
    }
    scale.close();
  } finally {
    await new Promise<void>((resolve) => printer.close(() => resolve()));
  }
});

test('a lead release shows on screen with its shelf slot, prints the relabel, and a repeat scan says it was released', async ({ page, station }) => {
  const labels: string[] = [];
  const printer: Server = createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('end', () => labels.push(data));
  });
  await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  const port = (printer.address() as AddressInfo).port;
  try {
    const { scale } = await openBench(page, station);
    const zpl = { kind: 'zpl-tcp', host: '127.0.0.1', port, dpi: 203 } as const;
    expect((await scale.call('printer.set', { printers: { relabel: zpl, 'return-slip': zpl }, autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: ['return-slip'] } })).ok).toBe(true);

    await wedgeScan(page, 'TBA300014123456');
    await place(scale, '1.50');
    await expect(page.getByTestId('dim-length')).toBeFocused();
    await typeAndEnter(page, '9');
    await typeAndEnter(page, '6');
    await typeAndEnter(page, '3');
    await expect(page.getByTestId('verdict-decision')).toHaveText('HOLD');
    const slot = (await page.getByTestId('verdict-hold-location').locator('strong').textContent()) ?? '';
    await page.getByTestId('finish').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('intake')).toHaveAttribute('data-state', 'ready');

    const list = await scale.call('holds.list', {});
    if (!list.ok) throw new Error(JSON.stringify(list));
    const holdId = (list.data as Array<{ holds: Array<{ holdId: string }> }>).flatMap((g) => g.holds)[0]?.holdId;
    const released = await scale.call('holds.release', { commandId: crypto.randomUUID(), holdIds: [holdId], note: 'ID confirmed by phone' });
    expect(released.ok, JSON.stringify(released)).toBe(true);

    const notice = page.getByTestId('notice');
    await expect(notice).toHaveText(new RegExp(`${slot} released: relabel and send on`));
    await expect.poll(() => labels.length, { timeout: 20_000 }).toBe(1);
    expect(labels[0]).toContain('^XA');
    for (const size of BENCH_SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join('test-results', 'screenshots', `notice-released-${size.width}x${size.height}.png`) });
    }
    await page.getByTestId('notice-dismiss').click();
    await expect(notice).toHaveCount(0);

    await wedgeScan(page, 'TBA300014123456');
    await expect(page.getByTestId('repeat-scan')).toBeVisible();
    await expect(page.getByTestId('notice')).toContainText(`was released from ${slot} by a lead: relabel and send on`);
    scale.close();
  } finally {
    await new Promise<void>((resolve) => printer.close(() => resolve()));
  }
});
