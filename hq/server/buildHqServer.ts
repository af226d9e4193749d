/**
 * The HQ HTTP API (the routes of hqOperations.ts; described by openapiDocument.ts, generated from the zod schemas):
 *   GET  /v1/health            no token; the stations' connectivity probe
 *   POST /v1/push              a station's events, acknowledged by the highest number stored
 *   GET  /v1/pull/{stream}     one page of manifests (the token's warehouse), rate cards or prohibited-goods rules
 *   PUT  /v1/photos/{photoId}  a station's damage photo (image bytes; hq/photos/)
 *   GET  /v1/openapi.json      the API description
 * Every body is parsed with the zod schemas in shared/sync; every error answer has the shape of HqErrorBody.
 * Before any body is read: the per-IP rate limit, then the token and the per-token limit (requestGuards.ts). Each
 * route reads at most its own bodyLimit (hqOperations.ts). With `tls` HQ serves HTTPS.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Server as HttpsServer } from 'node:https';
import { z } from 'zod';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { createRequestGuards, DEFAULT_HQ_RATE_LIMITS, principalOf, type HqRateLimits } from './requestGuards.ts';
import { sendError } from './errorReply.ts';
import { ingestPush } from '../ingest/ingestPush.ts';
import { pullPage } from '../streams/pullPage.ts';
import { PushRequestSchema } from '../../shared/sync/pushWire.ts';
import { PullQuerySchema, PullStreamSchema } from '../../shared/sync/pullWire.ts';
import type { HealthResponse } from '../../shared/sync/healthWire.ts';
import { DEFAULT_BODY_LIMIT, HQ_OPERATIONS } from './hqOperations.ts';
import { buildOpenApiDocument } from './openapiDocument.ts';
import { registerUpdateFeed } from '../updates/registerUpdateFeed.ts';
import { registerPhotoRoute } from '../photos/registerPhotoRoute.ts';

export interface HqServerOptions {
  readonly db: HqDb;
  /** Fastify/pino logging; false in tests. */
  readonly logger?: boolean | { level: string };
  readonly now?: () => number;
  /** HQ's structured logger (hqLogger.ts); wins over `logger`. */
  readonly loggerInstance?: FastifyBaseLogger;
  /** Serve HTTPS with this certificate and key (PEM). Absent: plain HTTP (behind a TLS proxy, or on one machine). */
  readonly tls?: HqTls;
  readonly rateLimits?: HqRateLimits;
  /** The update directory (hq/updates/feedConfig.ts); absent or null: no updates published. */
  readonly updatesDir?: string | null;
}

export interface HqTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

function invalid(error: z.ZodError): HqError {
  return new HqError('INVALID_REQUEST', z.prettifyError(error).replace(/\n/g, '; ').slice(0, 2000));
}

export function buildHqServer(options: HqServerOptions): FastifyInstance {
  const base = {
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Errors Fastify finds before routing (a URL that is not valid percent-encoding, …) get the API's error body too.
    frameworkErrors: (err: Error, request: FastifyRequest, reply: FastifyReply) => {
      sendError(request, reply, err);
    },
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  };
  const app = options.loggerInstance
    ? (Fastify({ ...base, loggerInstance: options.loggerInstance }) as unknown as FastifyInstance)
    : (Fastify({ ...base, logger: options.logger ?? false }) as unknown as FastifyInstance);
  registerHqRoutes(app, options);
  return app;
}

/** The API's routes and error handling on a Fastify instance (apart from buildHqServer so tests can watch routes register). */
export function registerHqRoutes(app: FastifyInstance, options: HqServerOptions): void {
  const { db } = options;
  const now = options.now ?? Date.now;
  let openapi: string | null = null;
  // JSON only: a text/plain body is refused with 415 instead of reaching the schemas as a string.
  app.removeContentTypeParser('text/plain');
  // Rate limits and the token are checked in onRequest hooks: before any body is read.
  const guards = createRequestGuards(app, db, options.rateLimits ?? DEFAULT_HQ_RATE_LIMITS);
  app.addHook('onRequest', guards.perIp);
  const withToken = { onRequest: [guards.station] };

  app.setErrorHandler((err, request, reply) => sendError(request, reply, err));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new HqError('NOT_FOUND', `No route ${request.method} ${request.url}`)));

  app.get(HQ_OPERATIONS.health.path, async (): Promise<HealthResponse> => ({ ok: true, service: 'ecms-hq', serverTime: now() }));

  app.get(HQ_OPERATIONS.openapi.path, async (_request, reply) => {
    openapi ??= JSON.stringify(buildOpenApiDocument());
    return reply.type('application/json').send(openapi);
  });

  app.post(HQ_OPERATIONS.push.path, { ...withToken, bodyLimit: HQ_OPERATIONS.push.bodyLimit }, async (request, reply) => {
    const principal = principalOf(request);
    const body = PushRequestSchema.safeParse(request.body);
    if (!body.success) throw invalid(body.error);
    const result = await ingestPush(db, principal, body.data, now());
    return reply.code(200).send(result);
  });

  app.get(HQ_OPERATIONS.pull.path, withToken, async (request, reply) => {
    const principal = principalOf(request);
    const stream = PullStreamSchema.safeParse((request.params as { stream?: unknown }).stream);
    if (!stream.success) throw new HqError('NOT_FOUND', 'Unknown stream; streams are manifests, rateCards, prohibitedRules');
    const query = PullQuerySchema.safeParse(request.query);
    if (!query.success) throw invalid(query.error);
    if (query.data.warehouse !== undefined && query.data.warehouse !== principal.warehouse) {
      throw new HqError('FORBIDDEN', `This token is for a ${principal.warehouse} station; it cannot pull ${query.data.warehouse} data`);
    }
    const page = await pullPage(db, principal, stream.data, query.data);
    return reply.code(200).type('application/json').send(page);
  });

  registerUpdateFeed(app, { updatesDir: options.updatesDir ?? null, withToken, principalOf });
  registerPhotoRoute(app, { db, withToken, principalOf });
}

export interface RunningHq {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = any free port) and returns the base URL. Closing waits for requests in flight. */
export async function listenHq(app: FastifyInstance, host: string, port: number): Promise<RunningHq> {
  await app.listen({ host, port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new HqError('INTERNAL', 'HQ server has no TCP address');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${app.server instanceof HttpsServer ? 'https' : 'http'}://${hostPart}:${address.port}`,
    app,
    async close() {
      await app.close();
    },
  };
}
