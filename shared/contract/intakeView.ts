/**
 * What the UI sees of one intake. Masses and lengths are exact integers (shared/units); the UI formats them.
 */
import { z } from 'zod';
import { INTAKE_STATES } from '../intake/intakeStates.ts';
import { MASS_UNITS } from '../units/mass.ts';
import { LENGTH_UNITS } from '../units/length.ts';
import { VerdictSchema } from '../rules/verdict.ts';
import { DESTINATIONS } from '../manifest/destinations.ts';
import { DUTY_STATUSES, ID_STATUSES } from '../manifest/manifestEntry.ts';
import { IntakeDocumentSchema } from '../printing/printJob.ts';

export const SCAN_SOURCES = ['wedge', 'serial', 'camera', 'image', 'keyboard'] as const;

/** Which scale reading a weight came from (stored in its WEIGHT_CAPTURED event). */
export const ScaleCaptureReadingSchema = z.object({
  /** The station's number of the reading since it started (null: taken on a button press, not counted). */
  seq: z.number().int().nullable(),
  /** The reading's time stamp: the `at` of the `weight` event that carried it. */
  at: z.number(),
  /** When the weight first settled (null on a button press). */
  heldSince: z.number().nullable(),
  /** True when this weight replaced an earlier scale weight because the load changed. */
  correction: z.boolean(),
});
export type ScaleCaptureReading = z.infer<typeof ScaleCaptureReadingSchema>;

export const IntakeViewSchema = z.object({
  intakeId: z.string(),
  state: z.enum(INTAKE_STATES),
  scan: z.object({
    raw: z.string(),
    kind: z.string(),
    carrier: z.string().nullable(),
    tracking: z.string(),
  }),
  /** Set when this scan matched an intake the station already has: it is shown again, not counted again. */
  repeatScan: z.boolean(),
  manifest: z
    .object({
      waybill: z.string(),
      destination: z.enum(DESTINATIONS),
      consigneeName: z.string(),
      pieceIndex: z.number().int(),
      pieceCount: z.number().int(),
      declaredMass: z.number().int(),
      estimateMinor: z.number().int(),
      currency: z.string(),
      consigneeIdStatus: z.enum(ID_STATUSES),
      dutiesStatus: z.enum(DUTY_STATUSES),
    })
    .nullable(),
  weight: z
    .object({
      mass: z.number().int(),
      unit: z.enum(MASS_UNITS),
      source: z.enum(['scale', 'manual']),
      manualReason: z.string().nullable(),
      /**
       * The scale reading a scale weight came from (absent for a typed weight). The screen compares `mass` with
       * the live readout (shared/scale/weightAgreement.ts) to warn when they disagree.
       */
      reading: ScaleCaptureReadingSchema.optional(),
    })
    .nullable(),
  dims: z
    .object({
      length: z.number().int(),
      width: z.number().int(),
      height: z.number().int(),
      unit: z.enum(LENGTH_UNITS),
    })
    .nullable(),
  damaged: z.boolean(),
  verdict: VerdictSchema.nullable(),
  /** The hold-shelf location while the parcel is held. */
  holdLocation: z.string().nullable(),
  operator: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The parcel's labels and slips, oldest first, each with its print state and whether it is void. */
  documents: z.array(IntakeDocumentSchema).optional(),
});
export type IntakeView = z.infer<typeof IntakeViewSchema>;

export const IntakeSummarySchema = IntakeViewSchema.pick({
  intakeId: true,
  state: true,
  scan: true,
  damaged: true,
  verdict: true,
  updatedAt: true,
}).extend({ waybill: z.string().nullable(), mass: z.number().int().nullable() });
export type IntakeSummary = z.infer<typeof IntakeSummarySchema>;
