/**
 * Error bodies HQ sends (every non-2xx JSON answer has this shape). The station switches on `code`.
 */
import { z } from 'zod';

export const HQ_ERROR_CODES = [
  /** The request did not match the API's schema. Not retried as is. */
  'INVALID_REQUEST',
  /** Missing, unknown or revoked token. */
  'UNAUTHORIZED',
  /** The token is valid but not for this station or warehouse. */
  'FORBIDDEN',
  'NOT_FOUND',
  /** Push: the first new event is not the next number HQ expects; `expectedSeq` says which one is. */
  'SEQ_GAP',
  /** Push: HQ already holds different events (other event ids) under these numbers: the station's log was reset. */
  'SEQ_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  /** Too many requests from this address or token; retry after Retry-After. */
  'RATE_LIMITED',
  /** HQ cannot serve now (database down, shutting down); retry after Retry-After. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type HqErrorCode = (typeof HQ_ERROR_CODES)[number];

export const HqErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(HQ_ERROR_CODES),
    message: z.string(),
  }),
  /** With SEQ_GAP: the sequence number HQ expects next. */
  expectedSeq: z.number().int().positive().optional(),
});
export type HqErrorBody = z.infer<typeof HqErrorBodySchema>;
