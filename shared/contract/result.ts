/**
 * What every station command returns over any transport: the data, or a typed error. Nothing throws across a
 * process boundary.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errorCodes.ts';

export const StationErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Set when the station logged the failure: the short id of its log line, for support. */
  logId: z.string().min(1).max(32).optional(),
  /** Set when the error concerns one input (e.g. 'length', 'manual.value', 'reason'): the screen shows it beside it. */
  field: z.string().min(1).max(40).optional(),
});
export type StationErrorData = z.infer<typeof StationErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: StationErrorData };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string, logId?: string): Result<T> {
  return { ok: false, error: logId === undefined ? { code, message } : { code, message, logId } };
}

/** A refusal about one input: `field` names it (the request's path, e.g. 'length' or 'manual.reason'). */
export function failOnField<T = never>(code: ErrorCode, field: string, message: string): Result<T> {
  return { ok: false, error: { code, message, field } };
}

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: StationErrorSchema }),
  ]);
}
