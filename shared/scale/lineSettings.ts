/** Serial line settings of a scale ("9600 7E1"), as saved in settings and tried by the probe. */
import { z } from 'zod';

export const LineSettingsSchema = z.object({
  baudRate: z.number().int().min(300).max(115_200),
  dataBits: z.union([z.literal(7), z.literal(8)]),
  parity: z.enum(['none', 'even', 'odd']),
  stopBits: z.union([z.literal(1), z.literal(2)]),
});
export type LineSettings = z.infer<typeof LineSettingsSchema>;

const PARITY_LETTER = { none: 'N', even: 'E', odd: 'O' } as const;

export function formatLineSettings(line: LineSettings): string {
  return `${line.baudRate} ${line.dataBits}${PARITY_LETTER[line.parity]}${line.stopBits}`;
}

/** Parses "9600 7E1" / "4800 8n1"; null for anything else. */
export function parseLineSettings(text: string): LineSettings | null {
  const m = /^\s*(\d+)\s+([78])([NEO])([12])\s*$/i.exec(text);
  if (!m || m[1] === undefined || m[3] === undefined) return null;
  const parity = ({ N: 'none', E: 'even', O: 'odd' } as const)[m[3].toUpperCase() as 'N' | 'E' | 'O'];
  const parsed = LineSettingsSchema.safeParse({ baudRate: Number(m[1]), dataBits: Number(m[2]), parity, stopBits: Number(m[4]) });
  return parsed.success ? parsed.data : null;
}

export const LINE_9600_7E1: LineSettings = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 };
export const LINE_9600_8N1: LineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };

/**
 * Settings the probe tries, most likely first: 9600 7E1 (8213, NCI, Toledo), 9600 8N1 (MT-SICS), 4800 7E1 (NCI for
 * UPS WorldShip), then the other common rates.
 */
export const PROBE_LINE_SETTINGS: readonly LineSettings[] = [
  LINE_9600_7E1,
  LINE_9600_8N1,
  { baudRate: 4800, dataBits: 7, parity: 'even', stopBits: 1 },
  { baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 1 },
  { baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1 },
  { baudRate: 4800, dataBits: 8, parity: 'none', stopBits: 1 },
  { baudRate: 2400, dataBits: 7, parity: 'even', stopBits: 1 },
  { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 },
];
