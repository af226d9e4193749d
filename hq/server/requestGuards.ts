/**
 * What runs on every HQ request BEFORE its body is read (Fastify onRequest hooks), so an unknown caller costs HQ a
 * header parse and one indexed token lookup, never a 16 MB body:
 *   1. a per-IP rate limit (every route, the health probe included; guessing tokens counts against it),
 *   2. for routes that need a token: the token is checked, then a per-token rate limit.
 * Refusals are HqErrors (401, 429 with Retry-After), answered by errorReply.ts like every other error.
 * Limits use @fastify/rate-limit (in-memory store: one HQ process).
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { authenticate } from './authenticate.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';

export interface HqRateLimits {
  /** Requests per minute from one IP address (stations behind one NAT share it). */
  readonly perIpPerMinute: number;
  /** Requests per minute with one station token. */
  readonly perTokenPerMinute: number;
}

/** A draining station pushes and pulls back to back (a 1 M-row manifest pull is a few hundred pages), so the
 * per-token limit is generous; the per-IP one leaves room for a warehouse of stations behind one address. */
export const DEFAULT_HQ_RATE_LIMITS: HqRateLimits = { perIpPerMinute: 6000, perTokenPerMinute: 3000 };

const principals = new WeakMap<FastifyRequest, StationPrincipal>();

/** The station a request was authenticated as (set by the onRequest guard of a route that needs a token). */
export function principalOf(request: FastifyRequest): StationPrincipal {
  const p = principals.get(request);
  if (!p) throw new HqError('INTERNAL', 'Route needs a token but has no authentication guard');
  return p;
}

function limited(ttlMs: number, what: string): HqError {
  return new HqError('RATE_LIMITED', `Too many requests from this ${what}; try again in ${Math.max(1, Math.ceil(ttlMs / 1000))} s`, undefined, Math.max(1, Math.ceil(ttlMs / 1000)));
}

export interface HqRequestGuards {
  /** For every route. */
  readonly perIp: onRequestHookHandler;
  /** For routes that need a station token (after perIp). */
  readonly station: onRequestHookHandler;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Registers the rate-limit plugin (limits checked by hand from the guards, made at the first request, once the
 * plugin has loaded) and returns the guards. */
export function createRequestGuards(app: FastifyInstance, db: HqDb, limits: HqRateLimits): HqRequestGuards {
  void app.register(rateLimit, { global: false });
  let ipLimit: Limiter | null = null;
  let tokenLimit: Limiter | null = null;
  return {
    async perIp(request) {
      ipLimit ??= app.createRateLimit({ max: limits.perIpPerMinute, timeWindow: 60_000, keyGenerator: (r) => `ip:${r.ip}` });
      const r = await ipLimit(request);
      if (!r.isAllowed && r.isExceeded) throw limited(r.ttl, 'address');
    },
    async station(request) {
      principals.set(request, await authenticate(db, request));
      tokenLimit ??= app.createRateLimit({
        max: limits.perTokenPerMinute,
        timeWindow: 60_000,
        keyGenerator: (r) => `token:${principals.get(r)?.tokenId ?? '?'}`,
      });
      const r = await tokenLimit(request);
      if (!r.isAllowed && r.isExceeded) throw limited(r.ttl, 'station token');
    },
  };
}
