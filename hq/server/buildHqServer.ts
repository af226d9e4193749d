/**
 * The HQ HTTP API (the routes of hqOperations.ts; described by openapiDocument.ts, generated from the zod schemas):
 *   GET  /v1/health            no token; the stations' connectivity probe
 *   POST /v1/push              a station's events, acknowledged by the highest number stored
 *   GET  /v1/pull/{stream}     one page of manifests (the token's warehouse), rate cards or prohibited-goods rules
 *   GET  /v1/openapi.json      the API description
 * Every body is parsed with the zod schemas in shared/sync; every error answer has the shape of HqErrorBody.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { authenticate } from './authenticate.ts';
import { sendError } from './errorReply.ts';
import { ingestPush } from '../ingest/ingestPush.ts';
import { pullPage } from '../streams/pullPage.ts';
import { MAX_PUSH_BODY_BYTES, PushRequestSchema } from '../../shared/sync/pushWire.ts';
import { PullQuerySchema, PullStreamSchema } from '../../shared/sync/pullWire.ts';
import type { HealthResponse } from '../../shared/sync/healthWire.ts';
import { HQ_OPERATIONS } from './hqOperations.ts';
import { buildOpenApiDocument } from './openapiDocument.ts';

export interface HqServerOptions {
  readonly db: HqDb;
  /** Fastify/pino logging; false in tests. */
  readonly logger?: boolean | { level: string };
  readonly now?: () => number;
  /** HQ's structured logger (hqLogger.ts); wins over `logger`. */
  readonly loggerInstance?: FastifyBaseLogger;
}

function invalid(error: z.ZodError): HqError {
  return new HqError('INVALID_REQUEST', z.prettifyError(error).replace(/\n/g, '; ').slice(0, 2000));
}

export function buildHqServer(options: HqServerOptions): FastifyInstance {
  const app = options.loggerInstance
    ? (Fastify({ loggerInstance: options.loggerInstance, bodyLimit: MAX_PUSH_BODY_BYTES }) as unknown as FastifyInstance)
    : Fastify({ logger: options.logger ?? false, bodyLimit: MAX_PUSH_BODY_BYTES });
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

  app.setErrorHandler((err, request, reply) => sendError(request, reply, err));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new HqError('NOT_FOUND', `No route ${request.method} ${request.url}`)));

  app.get(HQ_OPERATIONS.health.path, async (): Promise<HealthResponse> => ({ ok: true, service: 'ecms-hq', serverTime: now() }));

  app.get(HQ_OPERATIONS.openapi.path, async (_request, reply) => {
    openapi ??= JSON.stringify(buildOpenApiDocument());
    return reply.type('application/json').send(openapi);
  });

  app.post(HQ_OPERATIONS.push.path, async (request, reply) => {
    const principal = await authenticate(db, request);
    const body = PushRequestSchema.safeParse(request.body);
    if (!body.success) throw invalid(body.error);
    const result = await ingestPush(db, principal, body.data, now());
    return reply.code(200).send(result);
  });

  app.get(HQ_OPERATIONS.pull.path, async (request, reply) => {
    const principal = await authenticate(db, request);
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
    url: `http://${hostPart}:${address.port}`,
    app,
    async close() {
      await app.close();
    },
  };
}
