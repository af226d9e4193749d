/**
 * The OpenAPI 3.1 description of the HQ API, generated from the route table (hqOperations.ts) and the zod schemas
 * both sides parse with (shared/sync), using zod 4's z.toJSONSchema. Served at GET /v1/openapi.json.
 * Requests are described as zod accepts them (io 'input'), answers as HQ produces them (io 'output').
 */
import { z } from 'zod';
import { HqErrorBodySchema } from '../../shared/sync/hqErrors.ts';
import { STATUS_OF } from './errorReply.ts';
import { HQ_OPERATIONS, type HqOperation } from './hqOperations.ts';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/** A zod schema as JSON Schema 2020-12 (the dialect OpenAPI 3.1 uses), without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** `/v1/pull/:stream` → `/v1/pull/{stream}`. */
export function openapiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function parametersOf(op: HqOperation): JsonSchema[] {
  const params: JsonSchema[] = Object.entries(op.pathParams ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: jsonSchemaOf(schema, 'input') }));
  if (op.query) {
    const query = jsonSchemaOf(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

function responsesOf(op: HqOperation): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {
    '200': { description: op.replyDescription, content: json(op.reply ? jsonSchemaOf(op.reply, 'output') : { type: 'object' }) },
  };
  for (const code of op.errors) {
    const status = String(STATUS_OF[code]);
    const known = responses[status];
    const description = known ? `${String(known['description'])} or ${code}` : code;
    responses[status] = { description, content: json({ $ref: '#/components/schemas/ErrorBody' }) };
  }
  return responses;
}

function operationObject(op: HqOperation): JsonSchema {
  const parameters = parametersOf(op);
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description === undefined ? {} : { description: op.description }),
    ...(op.needsToken ? {} : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(jsonSchemaOf(op.body, 'input')) } } : {}),
    ...(op.bodyMediaTypes ? { requestBody: { required: true, content: Object.fromEntries(op.bodyMediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) } } : {}),
    responses: responsesOf(op),
  };
}

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of Object.values(HQ_OPERATIONS) as HqOperation[]) {
    const at = (paths[openapiPath(op.path)] ??= {});
    at[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ECMS HQ sync API',
      version: '1.0.0',
      description:
        'Stations push their event log (outbox) to HQ and pull reference data (manifests of their warehouse, rate cards, prohibited-goods rules). Every station authenticates with its own bearer token, scoped to one station and its warehouse. This description is generated from the zod schemas in shared/sync that both sides parse with.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'npm run hq -- serve (default)' }],
    security: [{ stationToken: [] }],
    paths,
    components: {
      schemas: { ErrorBody: jsonSchemaOf(HqErrorBodySchema, 'output') },
      securitySchemes: {
        stationToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'ecms1_<16 hex token id>_<43 base64url secret>, issued by `npm run hq -- token create`. HQ stores only SHA-256 of the secret.',
        },
      },
    },
  };
}
