/**
 * Turns anything thrown while serving a request into the API's error body (shared/sync/hqErrors.ts) and status.
 * HqError codes map one to one; Fastify's own errors (bad JSON, body too large, wrong media type) and database
 * outages are sorted into codes; anything else is a 500 whose details stay in the log.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../hqError.ts';
import type { HqErrorBody, HqErrorCode } from '../../shared/sync/hqErrors.ts';

export const STATUS_OF: Record<HqErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SEQ_GAP: 409,
  SEQ_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client should wait when HQ answers 503. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

function isDatabaseOutage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (DB_DOWN_CODES.has(code) || code.startsWith('08'))) return true;
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error|PGlite is closed/i.test(message);
}

export function toHqError(err: unknown): HqError {
  if (err instanceof HqError) return err;
  const fastifyCode = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  const message = err instanceof Error ? err.message : String(err);
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new HqError('PAYLOAD_TOO_LARGE', message);
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return new HqError('UNSUPPORTED_MEDIA_TYPE', message);
  if (typeof status === 'number' && status >= 400 && status < 500) return new HqError('INVALID_REQUEST', message);
  if (isDatabaseOutage(err)) return new HqError('UNAVAILABLE', 'HQ cannot reach its database right now');
  return new HqError('INTERNAL', 'Internal error at HQ');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const e = toHqError(err);
  const status = STATUS_OF[e.code];
  if (status >= 500) request.log.error({ err }, 'request failed');
  const body: HqErrorBody = { error: { code: e.code, message: e.message }, ...(e.expectedSeq !== undefined ? { expectedSeq: e.expectedSeq } : {}) };
  if (e.code === 'UNAVAILABLE') void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S));
  if (e.retryAfterS !== undefined) void reply.header('retry-after', String(e.retryAfterS));
  return reply.code(status).type('application/json').send(body);
}
