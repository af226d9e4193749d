/**
 * The saved choice of serial scanner, configured like a serial scale (shared/scale/scaleSettings.ts): remembered by
 * USB identity (or by path for a fixed RS-232 port or a test PTY), with its line settings. Scanners in USB-serial
 * (CDC / COM) mode usually ignore the line settings; RS-232 scanners default to 9600 8N1.
 * The scanner must end each scan with CR or CR LF (its "suffix" setting).
 */
import { z } from 'zod';
import { LineSettingsSchema, LINE_9600_8N1 } from '../../../shared/scale/lineSettings.ts';
import { ScaleIdentitySchema } from '../../../shared/scale/scaleSettings.ts';
import { SCAN_MAX_LENGTH } from '../../../shared/contract/limits.ts';

export const SerialScannerSettingsSchema = z.object({
  identity: ScaleIdentitySchema,
  line: LineSettingsSchema.default(LINE_9600_8N1),
  /** Wait between attempts to (re)open a missing or lost scanner. */
  reconnectMs: z.number().int().min(50).max(60_000).default(2000),
  /** Longest accepted scan, at most the contract's SCAN_MAX_LENGTH (every scan path has the same limit); longer runs
   * are dropped (wrong suffix setting or line noise). */
  maxLineLength: z.number().int().min(16).max(SCAN_MAX_LENGTH).default(SCAN_MAX_LENGTH),
});
export type SerialScannerSettings = z.infer<typeof SerialScannerSettingsSchema>;

/** "serial:/dev/ttyACM0" (the --scale style spec) → settings with defaults; null for anything else. */
export function serialScannerSettingsFromSpec(spec: string): SerialScannerSettings | null {
  const m = /^serial:(.+)$/.exec(spec.trim());
  if (!m || m[1] === undefined) return null;
  const parsed = SerialScannerSettingsSchema.safeParse({ identity: { kind: 'path', path: m[1] } });
  return parsed.success ? parsed.data : null;
}
