/**
 * The lead's day summary for the station's warehouse, in the warehouse's own time zone (shared/summary/ builds it).
 * Every number the charts draw is in here, so the table and the CSV show exactly the same figures.
 */
import { z } from 'zod';
import { REASON_CODES } from '../rules/reasonCodes.ts';
import { CURRENCIES } from '../rules/money.ts';
import { WAREHOUSES } from '../manifest/destinations.ts';
import { isCalendarDate } from '../summary/zonedDay.ts';

export const SummaryDateSchema = z.string().refine(isCalendarDate, 'a date such as 2026-11-21');

const count = z.number().int().nonnegative();
const ReasonCountSchema = z.object({ code: z.enum(REASON_CODES), count });

export const DaySummarySchema = z.object({
  date: z.string(),
  warehouse: z.enum(WAREHOUSES),
  timeZone: z.string(),
  /** The day's span (epoch ms, end exclusive): 23, 24 or 25 hours. */
  start: z.number(),
  end: z.number(),
  /** When the summary was made (station time); holds are aged at this instant. */
  at: z.number(),
  /** Parcels taken in this day (cancelled ones not counted here, see `cancelled`). */
  parcels: count,
  cancelled: count,
  typedWeights: count,
  damaged: count,
  /** The real hours of the day, each with the parcels whose scan fell in it. */
  hours: z.array(z.object({ label: z.string(), start: z.number(), count })),
  /** Decided parcels by decision, plus those not decided yet; `setAside` are ACCEPTs flagged for inspection. */
  verdicts: z.object({ ACCEPT: count, HOLD: count, RETURN: count, undecided: count, setAside: count }),
  /** The hold shelf now: open holds by reason (a hold with two reasons counts under both) and by age bucket. */
  holdsByReason: z.array(ReasonCountSchema),
  holdsByAge: z.array(z.object({ bucket: z.string(), label: z.string(), count })),
  openHolds: count,
  /** This day's RETURN verdicts by the reasons that returned them. */
  returnsByReason: z.array(ReasonCountSchema),
  /** Weighed parcels by weight band (pounds). */
  weights: z.array(z.object({ label: z.string(), count })),
  /** Measured price minus the pre-alert's estimate, summed per destination and currency. */
  repricing: z.array(z.object({ destination: z.string(), currency: z.enum(CURRENCIES), parcels: count, deltaMinor: z.number().int() })),
  operators: z.array(z.object({ operator: z.string(), parcels: count, ACCEPT: count, HOLD: count, RETURN: count, typedWeights: count })),
});
export type DaySummary = z.infer<typeof DaySummarySchema>;


/** The summary's commands, spread into COMMANDS (commands.ts). */
export const SUMMARY_COMMANDS = {
  /** The day's summary; no date: today in the warehouse's zone. */
  'summary.day': { request: z.object({ date: SummaryDateSchema.optional() }), response: DaySummarySchema },
} as const;
