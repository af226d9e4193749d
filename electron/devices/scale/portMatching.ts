/** Finds the remembered scale among listed ports by identity (USB vendor/product/serial, or path for fixed ports). */
import type { ScaleIdentity } from '../../../shared/scale/scaleSettings.ts';
import type { ListedPort } from './listedPort.ts';

export type PortMatch =
  | { readonly ok: true; readonly port: ListedPort }
  | { readonly ok: false; readonly problem: 'notFound' | 'ambiguous'; readonly candidates: number };

export function matchPort(identity: ScaleIdentity, ports: readonly ListedPort[]): PortMatch {
  const matches =
    identity.kind === 'path'
      ? ports.filter((p) => p.path === identity.path)
      : ports.filter(
          (p) =>
            p.vendorId === identity.vendorId &&
            p.productId === identity.productId &&
            (identity.serialNumber === undefined || p.serialNumber === identity.serialNumber),
        );
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return { ok: true, port: only };
  return { ok: false, problem: matches.length === 0 ? 'notFound' : 'ambiguous', candidates: matches.length };
}

/** How to remember a port: its USB identity when it has one, its path otherwise. */
export function identityOfPort(port: ListedPort): ScaleIdentity {
  if (port.vendorId !== undefined && port.productId !== undefined) {
    return port.serialNumber
      ? { kind: 'usb', vendorId: port.vendorId, productId: port.productId, serialNumber: port.serialNumber }
      : { kind: 'usb', vendorId: port.vendorId, productId: port.productId };
  }
  return { kind: 'path', path: port.path };
}
