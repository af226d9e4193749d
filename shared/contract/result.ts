/**
 * What every station command returns over any transport: the data, or a typed error. Nothing throws across a
 * process boundary.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errorCodes.ts';

export const StationErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
export type StationErrorData = z.infer<typeof StationErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: StationErrorData };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: StationErrorSchema }),
  ]);
}
