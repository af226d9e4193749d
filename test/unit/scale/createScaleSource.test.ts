import { describe, expect, it } from 'vitest';
import { createScaleSource } from '../../../electron/devices/scale/createScaleSource.ts';
import { ScaleSettingsSchema } from '../../../shared/scale/scaleSettings.ts';

describe('createScaleSource', () => {
  it('builds the simulator from simulated settings', async () => {
    const result = createScaleSource({ kind: 'simulated' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.kind).toBe('simulated');
    expect(result.source.status()).toMatchObject({ state: 'connected', protocol: 'simulated' });
    await result.source.stop();
  });

  it('builds a serial connection that looks for the remembered identity', async () => {
    const result = createScaleSource(
      { kind: 'serial', identity: { kind: 'usb', vendorId: '1a86', productId: '7523', serialNumber: 'X' }, protocol: { protocol: 'nci' }, line: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 } },
      { listPorts: async () => [] },
    );
    expect(result.ok && result.source.kind).toBe('serial');
    if (result.ok) await result.source.stop();
  });

  it('rejects invalid settings with a typed error instead of guessing', () => {
    expect(createScaleSource({ kind: 'serial', identity: { kind: 'usb', vendorId: 'COM5', productId: '7523' } })).toMatchObject({ ok: false, error: 'invalidSettings' });
    expect(createScaleSource({ kind: 'simulated', protocol: 'toledo-continuous', unit: 'oz' })).toMatchObject({ ok: false, error: 'invalidSettings' });
    expect(createScaleSource({ kind: 'simulated', protocol: 'mt-sics', unit: 'lb-oz' })).toMatchObject({ ok: false, error: 'invalidSettings' });
  });

  it('accepts the settings scale-probe prints', () => {
    const printed = '{"kind":"serial","identity":{"kind":"usb","vendorId":"1a86","productId":"7523","serialNumber":"SIM-nci-scp12"},"protocol":{"protocol":"nci"},"line":{"baudRate":9600,"dataBits":7,"parity":"even","stopBits":1}}';
    expect(ScaleSettingsSchema.safeParse(JSON.parse(printed)).success).toBe(true);
  });
});
