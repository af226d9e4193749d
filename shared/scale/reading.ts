/**
 * One weight reading from a scale, whatever its protocol. Masses are exact integers (see shared/units/mass.ts).
 * Device frames are a trust boundary: every parser returns readings that pass ScaleReadingSchema.
 */
import { z } from 'zod';
import { MASS_UNITS } from '../units/mass.ts';

export const SCALE_STATUSES = ['stable', 'motion', 'overload', 'underZero', 'zero'] as const;
export type ScaleStatus = (typeof SCALE_STATUSES)[number];

export const ScaleReadingSchema = z.object({
  /** Exact mass in quanta (1/16 ng); negative only with status underZero. */
  value: z.number().int(),
  /** The unit the scale reported in; 'lb-oz' for scales that report pounds and ounces. */
  unit: z.union([z.enum(MASS_UNITS), z.literal('lb-oz')]),
  /** The scale's display step (e.g. 0.01 lb) as an exact mass. */
  resolution: z.number().int().nonnegative(),
  status: z.enum(SCALE_STATUSES),
  mode: z.enum(['gross', 'net']),
  /** Epoch milliseconds when the frame's last byte arrived. */
  at: z.number(),
});
export type ScaleReading = z.infer<typeof ScaleReadingSchema>;

export const SCALE_CONNECTION_STATES = ['connected', 'connecting', 'disconnected', 'error'] as const;

/**
 * Why a scale is not (fully) connected, as a code the UI can switch on (added by the scale drivers; optional, so
 * statuses without it stay valid).
 */
export const SCALE_DEVICE_PROBLEMS = [
  /** No listed port/device matches the remembered vendor/product/serial. */
  'notFound',
  /** Several ports match a remembered identity that has no serial number. */
  'ambiguous',
  /** The device went away while open (unplugged, powered off, PTY closed). */
  'unplugged',
  /** The OS refused to open the port: permissions (dialout/plugdev, udev rule). */
  'permissionDenied',
  /** The port is held by another program. */
  'busy',
  /** Opening failed for another reason. */
  'openFailed',
  /** The port is open but no valid frame arrived within the watchdog time. */
  'noAnswer',
  /** node-hid could not be loaded on this machine. */
  'hidUnavailable',
] as const;
export type ScaleDeviceProblem = (typeof SCALE_DEVICE_PROBLEMS)[number];

export const ScaleDeviceStatusSchema = z.object({
  state: z.enum(SCALE_CONNECTION_STATES),
  /** 'simulated', 'mettler-8213', 'toledo-continuous', 'mt-sics', 'nci', 'hid-pos', … */
  protocol: z.string(),
  /** Human label: "Simulated scale", "Mettler Toledo 8217 on /dev/ttyUSB0". */
  label: z.string(),
  /** Why the scale is not connected, in words a worker understands. */
  message: z.string().optional(),
  /** Machine-readable reason behind `message` (absent when connected). */
  problem: z.enum(SCALE_DEVICE_PROBLEMS).optional(),
});
export type ScaleDeviceStatus = z.infer<typeof ScaleDeviceStatusSchema>;
