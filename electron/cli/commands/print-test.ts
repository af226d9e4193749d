/**
 * `npm run cli -- print-test <printer> [--dpi 203|300] [--status] [--station-id LAX-DOCK-3] [--operator NAME]`
 * Sends a printer test label now (not queued), e.g. `print-test 192.168.1.50:9100`, `print-test /dev/usb/lp0`,
 * `print-test cups:Office`. --status asks a Zebra for its host status (~HS) first. Prints one JSON line.
 * Exit 0 printed; 1 the printer did not take it (the error code says why); 2 usage.
 */
import { z } from 'zod';
import { WAREHOUSES } from '../../../shared/manifest/destinations.ts';
import { parsePrinterSpec } from '../../printing/printerSpec.ts';
import { sendTestLabel } from '../../printing/testLabel.ts';
import type { CliCommand, CliIo } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';

const USAGE = 'print-test <tcp://HOST[:PORT] | HOST:PORT | /dev/… | cups:QUEUE | epl:HOST[:PORT] | epl:/dev/…> [--dpi 203|300] [--status]';

const ArgsSchema = z.strictObject({
  printer: z.string().min(1),
  dpi: z.enum(['203', '300']).default('203'),
  status: z.literal('true').optional(),
  'station-id': z.string().regex(/^[A-Z]{3}-[A-Z0-9-]{1,20}$/).default(process.env['ECMS_STATION_ID'] ?? 'LAX-DEMO-1'),
  warehouse: z.enum(WAREHOUSES).optional(),
  operator: z.string().min(1).max(60).default(process.env['ECMS_OPERATOR'] ?? 'support'),
});

const OPTIONS = {
  dpi: { type: 'string' },
  status: { type: 'boolean' },
  'station-id': { type: 'string' },
  warehouse: { type: 'string' },
  operator: { type: 'string' },
} as const;

function parseArgs(args: readonly string[]): Record<string, string> | string {
  const read = readCommandLine(args, OPTIONS, { maxPositionals: 1 });
  if (!read.ok) return read.message;
  const [printer] = read.positionals;
  if (printer === undefined) return 'say which printer';
  const { status, ...rest } = read.values;
  return { printer, ...rest, ...(status === true ? { status: 'true' } : {}) };
}

function fail(io: CliIo, code: number, error: { code: string; message: string }): number {
  io.err(JSON.stringify({ error }));
  return code;
}

const printTest: CliCommand = {
  name: 'print-test',
  usage: USAGE,
  summary: 'Send a printer test label now (ZPL over TCP or to a device, or PDF through CUPS)',
  async run(args, io) {
    const raw = parseArgs(args);
    if (typeof raw === 'string') return fail(io, 2, { code: 'BAD_USAGE', message: `${raw}. Usage: npm run cli -- ${USAGE}` });
    const parsed = ArgsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(io, 2, { code: 'BAD_USAGE', message: `${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}. Usage: npm run cli -- ${USAGE}` });
    }
    const a = parsed.data;
    const target = parsePrinterSpec(a.printer, { dpi: a.dpi === '300' ? 300 : 203, checkStatus: a.status === 'true' });
    if (!target.ok) return fail(io, 2, target.error);
    const warehouse = a.warehouse ?? (a['station-id'].startsWith('CHI') ? 'CHI' : 'LAX');
    const sent = await sendTestLabel(target.value, { stationId: a['station-id'], warehouse }, a.operator, Date.now(), { systemPrinter: null });
    if (!sent.ok) return fail(io, 1, sent.error);
    io.out(JSON.stringify({ ok: true, printer: sent.value.printer, durationMs: sent.value.durationMs, spoolerJob: sent.value.spoolerJob }));
    return 0;
  },
};

export default printTest;
