/**
 * What a scale says when it sends a condition but no usable weight: an 8213 "?A" status frame, an MT-SICS "S +",
 * an NCI status-only reply, a HID "over weight" report, a Toledo frame flagged out of range. Never carries a value,
 * so nothing downstream can mistake it for a weight. Device frames are a trust boundary: parsers validate with this
 * schema like ScaleReadingSchema.
 */
import { z } from 'zod';

export const SCALE_CONDITIONS = [
  /** The load is moving. */
  'motion',
  /** Above capacity. */
  'overload',
  /** Below zero / under capacity, sign or magnitude unknown. */
  'underZero',
  /** Not ready to weigh: not zeroed at power-up, zero error, busy, expanded (×10 service) display. */
  'notReady',
  /** The scale reports a hardware or calibration fault. */
  'fault',
] as const;
export type ScaleCondition = (typeof SCALE_CONDITIONS)[number];

export const ScaleIndicationSchema = z.object({
  condition: z.enum(SCALE_CONDITIONS),
  /** Epoch milliseconds when the frame's last byte arrived. */
  at: z.number(),
});
export type ScaleIndication = z.infer<typeof ScaleIndicationSchema>;
