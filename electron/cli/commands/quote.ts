/**
 * `npm run cli -- quote --dest CN --weight 3.2lb [--dims 12x10x8in] [--warehouse LAX] [--at 2026-03-01T12:00:00Z]
 *  [--reference resources/reference]`
 * Prints, as JSON, the limit checks (each pass / fail / not_measured with its reason codes), the billable weight, the
 * price and the trace of every rule applied, using the rate cards in the reference files (the SAMPLE cards by
 * default). Weights accept lb, kg, oz and g; dimensions in or cm. Exit 0 when served, priced and within limits;
 * 1 when a limit fails, the destination is not served or no price can be worked out; 2 for bad usage.
 */
import { z } from 'zod';
import { DESTINATIONS, WAREHOUSES } from '../../../shared/manifest/destinations.ts';
import { checkLimits, type SizeCheck } from '../../../shared/rules/limits.ts';
import { formatMoney } from '../../../shared/rules/money.ts';
import { priceParcel, type TraceStep } from '../../../shared/rules/pricing.ts';
import { lengthText, massText } from '../../../shared/rules/quantityText.ts';
import { buildRuleContext } from '../../../shared/rules/ruleContext.ts';
import { parseDimensionsText, type LengthUnit } from '../../../shared/units/length.ts';
import { parseMassText } from '../../../shared/units/mass.ts';
import type { CliCommand, CliIo } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';
import { SAMPLE_REFERENCE_DIR, readReferenceFiles } from '../../rules/referenceFiles.ts';

const USAGE = 'quote --dest CN --weight 3.2lb [--dims 12x10x8in] [--warehouse LAX] [--at ISO-time] [--reference dir|file]';

const ArgsSchema = z
  .object({
    dest: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(DESTINATIONS)),
    weight: z.string(),
    dims: z.string().optional(),
    warehouse: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(WAREHOUSES)).default('LAX'),
    at: z.iso.datetime({ offset: true }).optional(),
    reference: z.string().min(1).optional(),
  })
  .strict();

const OPTIONS = {
  dest: { type: 'string' },
  weight: { type: 'string' },
  dims: { type: 'string' },
  warehouse: { type: 'string' },
  at: { type: 'string' },
  reference: { type: 'string' },
} as const;

function usageError(io: CliIo, message: string): number {
  io.err(JSON.stringify({ error: { code: 'BAD_USAGE', message }, usage: `npm run cli -- ${USAGE}` }));
  return 2;
}

/** "149.86 cm = 59 in": the measured value in the unit typed, then in the limit's unit when they differ. */
function both(typed: string, inLimitUnit: string): string {
  return typed === inLimitUnit ? typed : `${typed} = ${inLimitUnit}`;
}

function sizeJson(check: SizeCheck, unit: LengthUnit, limit: { value: string; unit: LengthUnit }) {
  return {
    limit: 'size',
    rule: check.rule,
    status: check.status,
    measured: check.measured === null ? null : both(lengthText(check.measured, unit), lengthText(check.measured, limit.unit)),
    max: `${limit.value} ${limit.unit}`,
    codes: check.codes,
    measures:
      check.measures === null
        ? null
        : {
            longestSide: lengthText(check.measures.longestSide, unit),
            lengthWidthHeight: lengthText(check.measures.threeSideSum, unit),
            lengthPlusGirth: lengthText(check.measures.lengthPlusGirth, unit),
          },
  };
}

const quote: CliCommand = {
  name: 'quote',
  usage: USAGE,
  summary: 'Limit checks, billable weight, price and rule trace for one parcel (JSON)',
  async run(args, io) {
    const flags = readCommandLine(args, OPTIONS);
    if (!flags.ok) return usageError(io, flags.message);
    const parsedArgs = ArgsSchema.safeParse(flags.values);
    if (!parsedArgs.success) {
      const issue = parsedArgs.error.issues[0];
      return usageError(io, `${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}`);
    }
    const a = parsedArgs.data;
    const weight = parseMassText(a.weight);
    if (!weight || weight.mass <= 0) return usageError(io, `--weight "${a.weight}" is not a weight such as 3.2lb, 1.45kg, 12oz or 900g`);
    const dims = a.dims === undefined ? null : parseDimensionsText(a.dims);
    if (a.dims !== undefined && (!dims || [dims.dims.length, dims.dims.width, dims.dims.height].some((s) => s <= 0))) {
      return usageError(io, `--dims "${a.dims}" is not a size such as 12x10x8in or 30x25x20cm`);
    }
    const at = a.at === undefined ? Date.now() : Date.parse(a.at);

    const files = readReferenceFiles(a.reference ?? SAMPLE_REFERENCE_DIR);
    if (!files.ok) {
      io.err(JSON.stringify({ error: files.error }));
      return 1;
    }
    const built = buildRuleContext(files.docs, { destination: a.dest, warehouse: a.warehouse, at });
    if (!built.ok) {
      io.err(JSON.stringify({ error: built.error }));
      return 1;
    }
    const ctx = built.context;
    const lengthUnit: LengthUnit = dims?.unit ?? 'in';
    const [w, s] = checkLimits(weight.mass, dims?.dims ?? null, ctx.limits);
    const trace: TraceStep[] = [];
    const card = ctx.rateCard;
    trace.push({
      rule: 'rateCard',
      detail: card
        ? `${card.card.cardId} version ${card.card.version} (document ${card.docId}), in force since ${card.card.effectiveFrom}${card.card.warehouses ? ` for ${card.card.warehouses.join(', ')}` : ' for every warehouse'}`
        : `no rate card in force for ${a.dest} at ${a.warehouse}: destination not served`,
    });
    const l = ctx.limits;
    trace.push({
      rule: 'limits',
      detail: `weight ≤ ${l.maxWeightText.value} ${l.maxWeightText.unit}: ${w.status}; ${s.rule.replaceAll('_', ' ')} ≤ ${l.maxSizeText.value} ${l.maxSizeText.unit}: ${s.status.replace('_', ' ')} (${l.source === 'default' ? 'ECMS default limits' : 'limits from the rate card'})`,
    });
    const priced = card ? priceParcel(card.card, { mass: weight.mass, dims: dims?.dims ?? null }) : null;
    if (priced) trace.push(...(priced.ok ? priced.quote.trace : priced.error.trace));

    const output = {
      sample: files.sample,
      input: {
        destination: a.dest,
        warehouse: a.warehouse,
        at: new Date(at).toISOString(),
        weight: massText(weight.mass, weight.unit),
        dims: dims ? `${[dims.dims.length, dims.dims.width, dims.dims.height].map((x) => lengthText(x, dims.unit).replace(` ${dims.unit}`, '')).join(' × ')} ${dims.unit}` : null,
      },
      served: card !== null,
      rateCard: card
        ? { docId: card.docId, cardId: card.card.cardId, version: card.card.version, name: card.card.name, effectiveFrom: card.card.effectiveFrom, currency: card.card.currency }
        : null,
      limits: [
        {
          limit: 'weight',
          status: w.status,
          measured: both(massText(w.measured, weight.unit), massText(w.measured, l.maxWeightText.unit)),
          max: `${l.maxWeightText.value} ${l.maxWeightText.unit}`,
          codes: w.codes,
        },
        sizeJson(s, lengthUnit, l.maxSizeText),
      ],
      billableWeight: priced?.ok ? { value: massText(priced.quote.billableMass, priced.quote.weightUnit).split(' ')[0], unit: priced.quote.weightUnit } : null,
      dimWeight: priced?.ok ? { status: priced.quote.dimStatus, value: priced.quote.dimMass === null ? null : massText(priced.quote.dimMass, priced.quote.weightUnit) } : null,
      price: priced?.ok
        ? {
            currency: priced.quote.currency,
            freightMinor: priced.quote.freightMinor,
            fuelMinor: priced.quote.fuelMinor,
            totalMinor: priced.quote.totalMinor,
            total: formatMoney(priced.quote.totalMinor, priced.quote.currency),
          }
        : null,
      priceError: priced && !priced.ok ? { code: priced.error.code, message: priced.error.message } : null,
      trace,
    };
    io.out(JSON.stringify(output, null, 2));
    const fine = card !== null && priced?.ok === true && w.status === 'pass' && s.status !== 'fail';
    return fine ? 0 : 1;
  },
};

export default quote;
