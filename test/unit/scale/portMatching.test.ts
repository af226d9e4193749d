import { describe, expect, it } from 'vitest';
import { normaliseUsbId, type ListedPort } from '../../../electron/devices/scale/listedPort.ts';
import { identityOfPort, matchPort } from '../../../electron/devices/scale/portMatching.ts';

const ports: ListedPort[] = [
  { path: '/dev/ttyS0', source: 'os' },
  { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', source: 'os' },
  { path: '/dev/ttyUSB1', vendorId: '0403', productId: '6001', serialNumber: 'FT1', source: 'os' },
  { path: '/dev/ttyUSB2', vendorId: '0403', productId: '6001', serialNumber: 'FT2', source: 'os' },
];

describe('port identity', () => {
  it('matches by vendor, product and serial number, whatever the path', () => {
    expect(matchPort({ kind: 'usb', vendorId: '0403', productId: '6001', serialNumber: 'FT2' }, ports)).toMatchObject({ ok: true, port: { path: '/dev/ttyUSB2' } });
  });

  it('matches by vendor and product alone only when exactly one port has them', () => {
    expect(matchPort({ kind: 'usb', vendorId: '1a86', productId: '7523' }, ports)).toMatchObject({ ok: true, port: { path: '/dev/ttyUSB0' } });
    expect(matchPort({ kind: 'usb', vendorId: '0403', productId: '6001' }, ports)).toEqual({ ok: false, problem: 'ambiguous', candidates: 2 });
    expect(matchPort({ kind: 'usb', vendorId: '0403', productId: '6001', serialNumber: 'FT9' }, ports)).toEqual({ ok: false, problem: 'notFound', candidates: 0 });
  });

  it('remembers USB ports by identity and fixed ports by path', () => {
    expect(identityOfPort(ports[2] as ListedPort)).toEqual({ kind: 'usb', vendorId: '0403', productId: '6001', serialNumber: 'FT1' });
    expect(identityOfPort(ports[1] as ListedPort)).toEqual({ kind: 'usb', vendorId: '1a86', productId: '7523' });
    expect(identityOfPort(ports[0] as ListedPort)).toEqual({ kind: 'path', path: '/dev/ttyS0' });
    expect(matchPort({ kind: 'path', path: '/dev/ttyS0' }, ports)).toMatchObject({ ok: true });
  });

  it('normalises USB ids from every OS spelling', () => {
    expect(normaliseUsbId('1A86')).toBe('1a86');
    expect(normaliseUsbId('0x0403')).toBe('0403');
    expect(normaliseUsbId(0x922)).toBe('0922');
    expect(normaliseUsbId('usb')).toBeUndefined();
    expect(normaliseUsbId(undefined)).toBeUndefined();
  });
});
