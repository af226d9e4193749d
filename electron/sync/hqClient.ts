/**
 * The station's HTTP client for HQ: Node's built-in fetch with a timeout per request (AbortSignal.timeout) that also
 * stops when the service stops. Every answer is parsed with the shared zod schemas; nothing unparsed reaches the
 * outbox or the reference tables. Never throws: every outcome is an HqResult.
 */
import type { z } from 'zod';
import { HqErrorBodySchema } from '../../shared/sync/hqErrors.ts';
import { PushResponseSchema, PUSH_PROTOCOL, type PushResponse } from '../../shared/sync/pushWire.ts';
import { PullResponseSchema, type PullResponse, type PullStream } from '../../shared/sync/pullWire.ts';
import { HealthResponseSchema, type HealthResponse } from '../../shared/sync/healthWire.ts';
import { parseRetryAfterMs } from '../../shared/sync/retryAfter.ts';
import { failure, type HqResult } from './syncFailure.ts';
import { pinnedCaFetch } from './pinnedCaFetch.ts';

export interface HqClientOptions {
  readonly hqUrl: string;
  readonly token: string;
  readonly requestTimeoutMs: number;
  readonly fetch?: typeof fetch;
  /** HTTPS: trust only the CA certificate(s) in this PEM file (pinning HQ's private CA); checked readable at start. */
  readonly caFile?: string;
  readonly now?: () => number;
  /** HQ's time from an answer's Date header (station time learns it; electron/holds/stationClock.ts). */
  readonly onServerTime?: (hqTime: number) => void;
}

export interface PullOptions {
  readonly cursor: string | null;
  readonly limit: number;
  readonly warehouse: string;
  readonly withRemaining: boolean;
}

export interface HqClient {
  push(stationId: string, events: readonly unknown[], signal: AbortSignal): Promise<HqResult<PushResponse>>;
  pull(stream: PullStream, options: PullOptions, signal: AbortSignal): Promise<HqResult<PullResponse>>;
  health(signal: AbortSignal, timeoutMs?: number): Promise<HqResult<HealthResponse>>;
}

function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

export function createHqClient(options: HqClientOptions): HqClient {
  const base = options.hqUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? (options.caFile ? pinnedCaFetch(options.caFile) : fetch);
  const now = options.now ?? Date.now;

  async function request<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: string | null, schema: S, outer: AbortSignal, timeoutMs: number, auth: boolean): Promise<HqResult<z.output<S>>> {
    if (outer.aborted) return failure('aborted', 'Sync is stopping');
    const signal = AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]);
    let status: number;
    let text: string;
    let retryAfterHeader: string | null;
    try {
      const res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(auth ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body !== null ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== null ? { body } : {}),
        signal,
      });
      status = res.status;
      retryAfterHeader = res.headers.get('retry-after');
      const serverDate = Date.parse(res.headers.get('date') ?? '');
      if (Number.isFinite(serverDate)) options.onServerTime?.(serverDate);
      text = await res.text();
    } catch (err) {
      if (outer.aborted) return failure('aborted', 'Sync is stopping');
      if ((err as Error).name === 'TimeoutError' || signal.aborted) return failure('timeout', `HQ did not answer within ${timeoutMs} ms`);
      return failure('offline', `Cannot reach HQ (${causeText(err)})`);
    }
    const retryAfterMs = parseRetryAfterMs(retryAfterHeader, now());
    let json: unknown;
    try {
      json = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) return failure('malformed', `HQ sent an answer this station cannot read (${method} ${path}, HTTP ${status}): ${parsed.error.issues[0]?.message ?? 'invalid'}`, { status });
      return { ok: true, value: parsed.data };
    }
    const errBody = HqErrorBodySchema.safeParse(json);
    const code = errBody.success ? errBody.data.error.code : undefined;
    const message = errBody.success ? errBody.data.error.message : `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    const extra = { status, retryAfterMs, ...(code ? { code } : {}) };
    if (status === 401 || status === 403) return failure('auth', `HQ refused this station's token: ${message}`, extra);
    if (code === 'SEQ_GAP') {
      const expected = errBody.success ? errBody.data.expectedSeq : undefined;
      if (expected === undefined) return failure('malformed', 'HQ reported a sequence gap without the number it expects', extra);
      return failure('gap', message, { ...extra, expectedSeq: expected });
    }
    if (code === 'SEQ_CONFLICT') return failure('conflict', message, extra);
    return failure('http', `HQ answered HTTP ${status}: ${message}`, extra);
  }

  return {
    push(stationId, events, signal) {
      const body = JSON.stringify({ protocol: PUSH_PROTOCOL, stationId, events });
      return request('POST', '/v1/push', body, PushResponseSchema, signal, options.requestTimeoutMs, true);
    },
    pull(stream, o, signal) {
      const q = new URLSearchParams({ limit: String(o.limit), warehouse: o.warehouse });
      if (o.cursor !== null) q.set('cursor', o.cursor);
      if (o.withRemaining) q.set('withRemaining', '1');
      return request('GET', `/v1/pull/${stream}?${q.toString()}`, null, PullResponseSchema, signal, options.requestTimeoutMs, true);
    },
    health(signal, timeoutMs) {
      return request('GET', '/v1/health', null, HealthResponseSchema, signal, timeoutMs ?? options.requestTimeoutMs, false);
    },
  };
}
