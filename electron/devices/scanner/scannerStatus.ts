/** Connection state of a scanner device, for the station status bar (same shape of states as the scale's). */
import { z } from 'zod';

export const SCANNER_CONNECTION_STATES = ['connected', 'connecting', 'disconnected', 'error'] as const;

export const ScannerDeviceStatusSchema = z.object({
  state: z.enum(SCANNER_CONNECTION_STATES),
  /** Human label, e.g. "Serial scanner on /dev/ttyACM0". */
  label: z.string(),
  /** What is wrong, in words a worker understands. */
  message: z.string().optional(),
});
export type ScannerDeviceStatus = z.infer<typeof ScannerDeviceStatusSchema>;

export interface SerialScan {
  /** One scan exactly as the scanner sent it, without its CR / CR LF; hand it to classifyScan. */
  readonly text: string;
  readonly source: 'serial';
  /** Epoch ms when the line end arrived. */
  readonly at: number;
}
