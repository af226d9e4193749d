/**
 * `npm run cli -- slip <relabel|return> --waybill APELAX1040000101 --format <pdf|zpl|epl|html> --out FILE
 *  [--dpi 203|300] [--data-dir DIR] [--station-id LAX-DOCK-3] [--operator NAME]`
 * Renders a relabel or return slip to a file WITHOUT printing. With --data-dir (or ECMS_DATA_DIR) the parcel is the
 * latest intake of that waybill in that station's database; without, a SAMPLE demo parcel from resources/demo,
 * decided by the rules engine. Prints one JSON line. Exit 0 written; 1 parcel or document not available; 2 usage.
 */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import type { PrintOutcome } from '../../../shared/printing/printErrors.ts';
import { renderDocument, type RenderRequest } from '../../printing/renderDocument.ts';
import { demoParcel, storedParcel } from '../../printing/slipParcel.ts';
import type { CliCommand, CliIo } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';

const USAGE = 'slip <relabel|return> --waybill NUMBER --format <pdf|zpl|epl|html> --out FILE [--dpi 203|300] [--data-dir DIR]';

const ArgsSchema = z.strictObject({
  document: z.enum(['relabel', 'return']),
  waybill: z.string().regex(/^[A-Za-z0-9]{6,40}$/, 'a waybill such as APELAX1040000101 (or a demo parcel\'s tracking number)').transform((s) => s.toUpperCase()),
  format: z.enum(['pdf', 'zpl', 'epl', 'html']),
  out: z.string().min(1),
  dpi: z.enum(['203', '300']).default('203'),
  'data-dir': z.string().min(1).optional(),
  'station-id': z.string().regex(/^[A-Z]{3}-[A-Z0-9-]{1,20}$/).default('LAX-DEMO-1'),
  operator: z.string().min(1).max(60).default('support'),
});

const OPTIONS = {
  waybill: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  dpi: { type: 'string' },
  'data-dir': { type: 'string' },
  'station-id': { type: 'string' },
  operator: { type: 'string' },
} as const;

function parseArgs(args: readonly string[]): Record<string, string> | string {
  const read = readCommandLine(args, OPTIONS, { maxPositionals: 1 });
  if (!read.ok) return read.message;
  const [document] = read.positionals;
  if (document === undefined) return 'say which document: relabel or return';
  return { document, ...read.values };
}

function fail(io: CliIo, code: number, error: { code: string; message: string }): number {
  io.err(JSON.stringify({ error }));
  return code;
}

const slip: CliCommand = {
  name: 'slip',
  usage: USAGE,
  summary: 'Render a relabel or return slip for a stored or demo parcel to a file (no printing)',
  async run(args, io) {
    const raw = parseArgs(args);
    if (typeof raw === 'string') return fail(io, 2, { code: 'BAD_USAGE', message: `${raw}. Usage: npm run cli -- ${USAGE}` });
    const dataDir = raw['data-dir'] ?? process.env['ECMS_DATA_DIR'];
    const parsed = ArgsSchema.safeParse({ ...raw, ...(dataDir ? { 'data-dir': dataDir } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(io, 2, { code: 'BAD_USAGE', message: `${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}. Usage: npm run cli -- ${USAGE}` });
    }
    const a = parsed.data;
    const now = Date.now();
    const parcel = a['data-dir'] !== undefined ? storedParcel(a['data-dir'], a.waybill) : demoParcel(a.waybill, a['station-id'], a.operator, now);
    if (!parcel.ok) return fail(io, 1, parcel.error);
    const { intake, manifest, station } = parcel.value;
    const model: PrintOutcome<DocumentModel> =
      a.document === 'relabel' ? relabelModel(intake, station, now, { native: manifest?.consigneeNative ?? null }) : returnSlipModel(intake, manifest, station, now);
    if (!model.ok) return fail(io, 1, model.error);
    const request: RenderRequest = a.format === 'zpl' ? { format: 'zpl', dpi: a.dpi === '300' ? 300 : 203 } : { format: a.format };
    const doc = await renderDocument(model.value, request);
    if (!doc.ok) return fail(io, 1, doc.error);
    await writeFile(a.out, doc.value.bytes);
    io.out(JSON.stringify({
      ok: true, document: model.value.document, format: doc.value.format, out: a.out, bytes: doc.value.bytes.length, source: parcel.value.source,
      waybill: intake.manifest?.waybill ?? null, decision: intake.verdict?.decision ?? null, replacedCharacters: doc.value.replaced,
    }));
    return 0;
  },
};

export default slip;
