/**
 * The station API contract: every command with its request and response schema, defined once. Main's handler table,
 * the preload, the browser-mode host and the renderer client are all typed from this map, and every transport parses
 * requests with these schemas before any logic runs.
 */
import { z } from 'zod';
import { IntakeSummarySchema, IntakeViewSchema, SCAN_SOURCES } from './intakeView.ts';
import { StationSettingsSchema } from './settings.ts';
import { HoldBatchRequestSchema, HoldBatchResultSchema, HoldBucketGroupSchema } from './holds.ts';
import { ScaleDeviceStatusSchema, ScaleReadingSchema } from '../scale/reading.ts';
import { SyncStatusSchema } from '../sync/syncStatus.ts';
import { PRINT_COMMANDS } from '../printing/printContract.ts';
import { MASS_UNITS } from '../units/mass.ts';
import { LENGTH_UNITS } from '../units/length.ts';
import type { CommandName } from './commandNames.ts';
import { DEAD_LETTERS_MAX, NOTE_MIN_LENGTH, RECENT_MAX, REASON_MAX_LENGTH, SCAN_MAX_LENGTH } from './limits.ts';
import { DeadLetterSchema } from './deadLetters.ts';
import { BuildInfoSchema } from './buildInfo.ts';
import { CLOCK_PROBLEMS } from '../rules/stationTime.ts';
import { scanText, workerText } from './safeText.ts';
import { SUMMARY_COMMANDS } from './summary.ts';
import { EXCEPTION_COMMANDS } from './exceptions.ts';
import { COMMAND_LOOKUP } from './lookup.ts';
import { OPERATOR_COMMANDS } from './operators.ts';
import { PHOTO_COMMANDS } from './photos.ts';

/** A client-made id for each state-changing command: a retried command is applied once. */
const commandId = z.string().uuid();
const intakeId = z.string().uuid();
const decimalText = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'a number such as 12 or 3.25');
/** Why a weight was typed or an intake cancelled: a few words, kept with the record. */
const writtenReason = workerText({ min: NOTE_MIN_LENGTH, max: REASON_MAX_LENGTH });

export const StationInfoSchema = z.object({
  stationId: z.string(),
  warehouse: z.string(),
  operator: z.string(),
  version: z.string(),
  /** The build stamp (commit, time); null when running from sources that were never built. */
  build: BuildInfoSchema.nullable(),
  transport: z.enum(['electron', 'browser']),
  demo: z.boolean(),
  dataDir: z.string(),
  /** A clock the station cannot trust (shared/rules/stationTime.ts), in plain words; null when the clock is fine. */
  clockWarning: z.object({ problem: z.enum(CLOCK_PROBLEMS), message: z.string() }).nullable(),
});

export const COMMANDS = {
  'station.info': { request: z.object({}), response: StationInfoSchema },
  'intake.current': { request: z.object({}), response: IntakeViewSchema.nullable() },
  'intake.get': { request: z.object({ intakeId }), response: IntakeViewSchema },
  'intake.recent': { request: z.object({ limit: z.number().int().min(1).max(RECENT_MAX) }), response: z.array(IntakeSummarySchema) },
  'intake.scan': {
    request: z.object({ commandId, intakeId, raw: scanText(SCAN_MAX_LENGTH), source: z.enum(SCAN_SOURCES) }),
    response: IntakeViewSchema,
  },
  'intake.captureWeight': {
    request: z.object({
      commandId,
      intakeId,
      /** Absent: take the scale's stable reading. Present: a typed weight, which needs a reason. */
      manual: z.object({ value: decimalText, unit: z.enum(MASS_UNITS), reason: writtenReason }).optional(),
    }),
    response: IntakeViewSchema,
  },
  'intake.setDimensions': {
    request: z.object({ commandId, intakeId, length: decimalText, width: decimalText, height: decimalText, unit: z.enum(LENGTH_UNITS) }),
    response: IntakeViewSchema,
  },
  'intake.reportDamage': {
    request: z.object({ commandId, intakeId, damaged: z.boolean(), note: workerText({ min: 0, max: REASON_MAX_LENGTH, multiline: true }).optional() }),
    response: IntakeViewSchema,
  },
  'intake.commitVerdict': { request: z.object({ commandId, intakeId }), response: IntakeViewSchema },
  'intake.finish': { request: z.object({ commandId, intakeId }), response: IntakeViewSchema },
  'intake.cancel': {
    request: z.object({ commandId, intakeId, reason: writtenReason }),
    response: IntakeViewSchema,
  },
  ...COMMAND_LOOKUP,
  'holds.list': { request: z.object({}), response: z.array(HoldBucketGroupSchema) },
  'holds.release': { request: HoldBatchRequestSchema, response: HoldBatchResultSchema },
  'holds.convertToReturn': { request: HoldBatchRequestSchema, response: HoldBatchResultSchema },
  'scale.status': {
    request: z.object({}),
    response: z.object({ device: ScaleDeviceStatusSchema, last: ScaleReadingSchema.nullable() }),
  },
  'scale.simulate': {
    request: z.discriminatedUnion('action', [
      z.object({ action: z.literal('place'), value: decimalText, unit: z.enum(MASS_UNITS) }),
      z.object({ action: z.literal('remove') }),
    ]),
    response: z.object({}),
  },
  'sync.status': { request: z.object({}), response: SyncStatusSchema },
  'sync.deadLetters': { request: z.object({ limit: z.number().int().min(1).max(DEAD_LETTERS_MAX) }), response: z.array(DeadLetterSchema) },
  /** Push now and pull reference data now (a worker's "Sync now"); the reply is the status at that moment. */
  'sync.now': { request: z.object({}), response: SyncStatusSchema },
  ...PRINT_COMMANDS,
  'settings.get': { request: z.object({}), response: StationSettingsSchema },
  /** The station's identity (id, warehouse) comes from its configuration and its HQ token; it is not editable here. */
  'settings.update': { request: StationSettingsSchema.omit({ stationId: true, warehouse: true }).partial().strict(), response: StationSettingsSchema },
  ...SUMMARY_COMMANDS,
  ...EXCEPTION_COMMANDS,
  ...OPERATOR_COMMANDS,
  ...PHOTO_COMMANDS,
} as const satisfies Record<CommandName, { request: z.ZodType; response: z.ZodType }>;

export type Commands = typeof COMMANDS;
export type CommandRequest<N extends CommandName> = z.input<Commands[N]['request']>;
export type ParsedRequest<N extends CommandName> = z.output<Commands[N]['request']>;
export type CommandResponse<N extends CommandName> = z.output<Commands[N]['response']>;
