/**
 * The station's one entry point: saved scale settings → a running ScaleSource (serial connection, HID connection or
 * in-process simulator). Settings are validated here (they come from a file or the settings UI).
 */
import { ScaleSettingsSchema } from '../../../shared/scale/scaleSettings.ts';
import { createHidScaleConnection } from './hidScaleConnection.ts';
import type { PortLister } from './listedPort.ts';
import type { ScaleSource } from './scaleSource.ts';
import { createSerialScaleConnection } from './serialScaleConnection.ts';
import { createSimulatedScale } from './simulatedScale.ts';

export interface CreateScaleSourceOptions {
  /** Where serial scales are looked for (default: OS listing; osAndSimulatorLister() adds PTY simulators). */
  readonly listPorts?: PortLister;
}

export type CreateScaleSourceResult =
  | { readonly ok: true; readonly source: ScaleSource }
  | { readonly ok: false; readonly error: 'invalidSettings'; readonly message: string };

export function createScaleSource(settings: unknown, options: CreateScaleSourceOptions = {}): CreateScaleSourceResult {
  const parsed = ScaleSettingsSchema.safeParse(settings);
  if (!parsed.success) return { ok: false, error: 'invalidSettings', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const s = parsed.data;
  switch (s.kind) {
    case 'serial':
      return {
        ok: true,
        source: createSerialScaleConnection({
          identity: s.identity,
          protocol: s.protocol,
          line: s.line,
          ...(options.listPorts ? { listPorts: options.listPorts } : {}),
        }),
      };
    case 'hid':
      return {
        ok: true,
        source: createHidScaleConnection({
          vendorId: s.vendorId,
          productId: s.productId,
          ...(s.serialNumber === undefined ? {} : { serialNumber: s.serialNumber }),
        }),
      };
    case 'simulated':
      return { ok: true, source: createSimulatedScale({ protocol: s.protocol, unit: s.unit, decimals: s.unit === 'lb-oz' ? 1 : 2 }) };
  }
}
