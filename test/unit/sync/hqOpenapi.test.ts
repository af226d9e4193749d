/**
 * The generated OpenAPI description (hq/server/openapiDocument.ts): every route the HQ server registers is in it,
 * nothing else is, and its schemas are the real zod schemas' (limits, enums, required fields), not hand-copied.
 */
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { registerHqRoutes } from '../../../hq/server/buildHqServer.ts';
import { buildOpenApiDocument, openapiPath } from '../../../hq/server/openapiDocument.ts';
import { STATUS_OF } from '../../../hq/server/errorReply.ts';
import type { HqDb } from '../../../hq/db/hqDb.ts';
import { MAX_PUSH_EVENTS, PushRequestSchema } from '../../../shared/sync/pushWire.ts';
import { MAX_PULL_LIMIT, PULL_STREAMS, PullQuerySchema } from '../../../shared/sync/pullWire.ts';
import { HQ_ERROR_CODES } from '../../../shared/sync/hqErrors.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, { description: string; content: { 'application/json': { schema: Record<string, unknown> } } }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const doc = buildOpenApiDocument() as unknown as Doc;
const op = (path: string, method: string): Operation => {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not described`);
  return found;
};

async function registeredRoutes(): Promise<string[]> {
  const app = Fastify({ logger: false });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  registerHqRoutes(app, { db: {} as HqDb });
  await app.ready();
  await app.close();
  return routes.sort();
}

describe('the generated OpenAPI description', () => {
  it('describes exactly the routes the server registers', async () => {
    const routes = await registeredRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const described = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(described).toEqual(routes.map((r) => {
      const [method, url] = r.split(' ') as [string, string];
      return `${method} ${openapiPath(url)}`;
    }).sort());
    expect(doc.openapi).toBe('3.1.0');
  });

  it('takes the push body from PushRequestSchema: its fields, required list and limits', () => {
    const body = op('/v1/push', 'post').requestBody?.content['application/json'].schema as {
      properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: unknown;
    };
    expect(Object.keys(body.properties).sort()).toEqual(Object.keys(PushRequestSchema.shape).sort());
    expect(body.required.sort()).toEqual(['events', 'protocol', 'stationId']);
    expect(body.properties['events']).toMatchObject({ type: 'array', minItems: 1, maxItems: MAX_PUSH_EVENTS });
    expect(body.additionalProperties).toBe(false); // strictObject
  });

  it('takes the pull parameters from PullStreamSchema and PullQuerySchema', () => {
    const params = op('/v1/pull/{stream}', 'get').parameters ?? [];
    expect(params.find((p) => p.in === 'path')).toEqual({ name: 'stream', in: 'path', required: true, schema: { type: 'string', enum: [...PULL_STREAMS] } });
    expect(params.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(Object.keys(PullQuerySchema.shape).sort());
    expect(params.find((p) => p.name === 'limit')).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PULL_LIMIT } });
  });

  it('describes the pull answer as a page or a reset, and every error status with the error body', () => {
    const pull = op('/v1/pull/{stream}', 'get');
    const answer = pull.responses['200']?.content['application/json'].schema as { oneOf: { properties: { reset: { const: boolean } } }[] };
    expect(answer.oneOf.map((s) => s.properties.reset.const).sort()).toEqual([false, true]);
    const push = op('/v1/push', 'post');
    for (const code of ['SEQ_GAP', 'SEQ_CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNAVAILABLE'] as const) {
      const response = push.responses[String(STATUS_OF[code])];
      expect(response?.description).toContain(code);
      expect(response?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
    const errorBody = doc.components.schemas['ErrorBody'] as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(errorBody.properties.error.properties.code.enum).toEqual([...HQ_ERROR_CODES]);
  });

  it('asks for a token everywhere except the health probe and the description itself', () => {
    expect(op('/v1/health', 'get').security).toEqual([]);
    expect(op('/v1/openapi.json', 'get').security).toEqual([]);
    expect(op('/v1/push', 'post').security).toBeUndefined();
    expect(op('/v1/pull/{stream}', 'get').security).toBeUndefined();
  });
});
