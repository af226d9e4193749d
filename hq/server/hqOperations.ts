/**
 * The HQ HTTP API as data: each route's method, path, the zod schemas its request and answer are parsed with
 * (shared/sync) and the error codes it can answer. buildHqServer.ts registers these routes and openapiDocument.ts
 * describes them from the same entries, so the description cannot drift from the schemas.
 */
import type { z } from 'zod';
import type { HqErrorCode } from '../../shared/sync/hqErrors.ts';
import { HealthResponseSchema } from '../../shared/sync/healthWire.ts';
import { PullQuerySchema, PullResponseSchema, PullStreamSchema } from '../../shared/sync/pullWire.ts';
import { MAX_PUSH_BODY_BYTES, PushRequestSchema, PushResponseSchema } from '../../shared/sync/pushWire.ts';
import { UPDATE_FEED_PATH, UpdateFileNameSchema } from '../../shared/update/updateFeed.ts';
import { PHOTO_UPLOAD_PATH, PhotoIdParamSchema, PhotoUploadReplySchema } from '../../shared/sync/photoWire.ts';
import { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES } from '../../shared/contract/photosLimits.ts';

export interface HqOperation {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Fastify style: `:name` for a path parameter. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** False: no station token needed. */
  readonly needsToken: boolean;
  readonly pathParams?: Readonly<Record<string, z.ZodType>>;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** A raw (binary) body in one of these media types instead of a JSON `body`. */
  readonly bodyMediaTypes?: readonly string[];
  /** The 200 answer; absent for the API description itself (any JSON object). */
  readonly reply?: z.ZodType;
  readonly replyDescription: string;
  readonly errors: readonly HqErrorCode[];
  /** Largest body this route reads (Fastify bodyLimit); routes without a body read at most DEFAULT_BODY_LIMIT. */
  readonly bodyLimit?: number;
}

/** Every route without a request body: anything sent is refused unread beyond this. */
export const DEFAULT_BODY_LIMIT = 1024;

const SERVER_TROUBLE = ['RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL'] as const;

export const HQ_OPERATIONS = {
  health: {
    method: 'GET',
    path: '/v1/health',
    operationId: 'health',
    summary: "Liveness probe (no token); the stations' connectivity check",
    needsToken: false,
    reply: HealthResponseSchema,
    replyDescription: 'HQ is up',
    errors: ['RATE_LIMITED'],
  },
  push: {
    method: 'POST',
    path: '/v1/push',
    operationId: 'push',
    summary: "Store a station's events idempotently and acknowledge the highest number held",
    description:
      "In one transaction HQ locks the station's high-water mark (last_seq), skips events at or below it (after checking they carry the same event ids: otherwise 409 SEQ_CONFLICT), refuses the push with 409 SEQ_GAP and expectedSeq when the first new event is not last_seq + 1, stores the contiguous run of new events (an event that fails validation is recorded as rejected for good and still advances the mark), and answers the new mark. Replays in any order change nothing.",
    needsToken: true,
    body: PushRequestSchema,
    bodyLimit: MAX_PUSH_BODY_BYTES,
    reply: PushResponseSchema,
    replyDescription: 'Acknowledgement',
    errors: ['INVALID_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'SEQ_GAP', 'SEQ_CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', ...SERVER_TROUBLE],
  },
  pull: {
    method: 'GET',
    path: '/v1/pull/:stream',
    operationId: 'pull',
    summary: 'One page of a reference stream after a cursor',
    description:
      "Manifests are limited to the token's warehouse. Pages are ordered by HQ-issued versions; give the returned cursor back for the next page until upToDate. A reset answer orders the station to drop its copy of the stream and start again without a cursor (after an HQ-ordered re-download, or for a cursor HQ cannot serve).",
    needsToken: true,
    pathParams: { stream: PullStreamSchema },
    query: PullQuerySchema,
    reply: PullResponseSchema,
    replyDescription: 'A page or a reset order',
    errors: ['INVALID_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', ...SERVER_TROUBLE],
  },
  updates: {
    method: 'GET',
    path: `${UPDATE_FEED_PATH}/:file`,
    operationId: 'updateFile',
    summary: "electron-updater's generic feed: latest.yml, latest-linux.yml and the installers they name",
    description:
      "From the release HQ gives this station (feed.json in the updates directory: a staged rollout by station list or percentage gives the others the fallback release). Files are sent whole, with no HTTP ranges.",
    needsToken: true,
    pathParams: { file: UpdateFileNameSchema },
    replyDescription: 'The file (YAML for the feed files, bytes for installers)',
    errors: ['UNAUTHORIZED', 'NOT_FOUND', ...SERVER_TROUBLE],
  },
  photoUpload: {
    method: 'PUT',
    path: `${PHOTO_UPLOAD_PATH}/:photoId`,
    operationId: 'photoUpload',
    summary: "Store a station's damage photo (the image bytes as the body)",
    description:
      "Sent after HQ acknowledged the photo's PHOTO_TAKEN event: HQ checks the body against that event (size, type, SHA-256) and the image's first bytes, then stores it. Sent again with the same bytes it answers stored: false; another photo under the same id is refused. A body that is not image/jpeg or image/png is refused with 415, a larger one than the limit with 413.",
    needsToken: true,
    pathParams: { photoId: PhotoIdParamSchema },
    bodyMediaTypes: PHOTO_MIME_TYPES,
    bodyLimit: PHOTO_MAX_BYTES,
    reply: PhotoUploadReplySchema,
    replyDescription: 'The photo is stored at HQ',
    errors: ['INVALID_REQUEST', 'UNAUTHORIZED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', ...SERVER_TROUBLE],
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    operationId: 'openapi',
    summary: 'This API description (OpenAPI 3.1), generated from the zod schemas',
    needsToken: false,
    replyDescription: 'OpenAPI 3.1',
    errors: ['RATE_LIMITED'],
  },
} as const satisfies Record<string, HqOperation>;
