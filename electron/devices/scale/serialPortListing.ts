/**
 * Lists serial ports through serialport's OS listing (on Linux: udevadm; pseudo-terminals are never listed there).
 * Optionally adds the PTY simulators registered on this machine (see simulatedPortRegistry.ts).
 */
import { SerialPort } from 'serialport';
import { normaliseUsbId, type ListedPort, type PortLister } from './listedPort.ts';
import { listRegisteredSimulators } from './simulatedPortRegistry.ts';

export async function listSerialPorts(): Promise<ListedPort[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => {
    const port: { -readonly [K in keyof ListedPort]: ListedPort[K] } = { path: p.path, source: 'os' };
    const vendorId = normaliseUsbId(p.vendorId);
    const productId = normaliseUsbId(p.productId);
    if (vendorId !== undefined) port.vendorId = vendorId;
    if (productId !== undefined) port.productId = productId;
    if (p.serialNumber) port.serialNumber = p.serialNumber;
    if (p.manufacturer) port.manufacturer = p.manufacturer;
    if (p.pnpId) port.pnpId = p.pnpId;
    return port;
  });
}

/** OS ports plus registered PTY simulators (for demo stations and development). */
export function osAndSimulatorLister(registryDir?: string): PortLister {
  return async () => [...(await listSerialPorts()), ...(await listRegisteredSimulators(registryDir))];
}
