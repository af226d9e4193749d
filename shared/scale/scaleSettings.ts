/**
 * The saved choice of scale for a station. A serial scale is remembered by its USB identity (vendor, product, serial
 * number), never by COM/tty name, which changes between plugs; a port with no USB identity (an on-board RS-232 port)
 * is remembered by its path, which is stable for such ports.
 */
import { z } from 'zod';
import { MASS_UNITS } from '../units/mass.ts';
import { LineSettingsSchema } from './lineSettings.ts';
import { SerialProtocolConfigSchema } from './serialProtocolConfig.ts';
import { SERIAL_SCALE_PROTOCOL_IDS, type SerialScaleProtocolId } from './scaleProtocolId.ts';

/** USB ids as the OS lists them: four lower-case hex digits, no 0x. */
export const UsbIdSchema = z.string().regex(/^[0-9a-f]{4}$/);

export const ScaleIdentitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('usb'),
    vendorId: UsbIdSchema,
    productId: UsbIdSchema,
    /** Absent for adapters without one (many CH340s): then exactly one such device may be present. */
    serialNumber: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
]);
export type ScaleIdentity = z.infer<typeof ScaleIdentitySchema>;

export const ScaleSettingsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serial'),
    identity: ScaleIdentitySchema,
    protocol: SerialProtocolConfigSchema,
    line: LineSettingsSchema,
  }),
  z.object({
    kind: z.literal('hid'),
    vendorId: UsbIdSchema,
    productId: UsbIdSchema,
    serialNumber: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('simulated'),
    /** Protocol whose frames the in-process simulator encodes and parses. */
    protocol: z.enum(SERIAL_SCALE_PROTOCOL_IDS).default('nci'),
    unit: z.enum([...MASS_UNITS, 'lb-oz']).default('lb'),
  }),
]).refine((s) => s.kind !== 'simulated' || protocolReportsUnit(s.protocol, s.unit), {
  message: 'the simulated protocol cannot report that unit (lb-oz needs NCI; Toledo Continuous has no ounces)',
});
export type ScaleSettings = z.infer<typeof ScaleSettingsSchema>;

export function describeIdentity(identity: ScaleIdentity): string {
  if (identity.kind === 'path') return identity.path;
  return `USB ${identity.vendorId}:${identity.productId}${identity.serialNumber ? ` serial ${identity.serialNumber}` : ''}`;
}

/** Whether a protocol's frames can carry a unit (8213 has none in the frame, so any configured unit works). */
export function protocolReportsUnit(protocol: SerialScaleProtocolId, unit: (typeof MASS_UNITS)[number] | 'lb-oz'): boolean {
  if (unit === 'lb-oz') return protocol === 'nci';
  if (protocol === 'toledo-continuous') return unit !== 'oz';
  return true;
}
