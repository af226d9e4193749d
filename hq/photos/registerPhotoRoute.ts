/**
 * PUT /v1/photos/:photoId — a station's damage photo as the raw body (image/jpeg or image/png, at most
 * PHOTO_MAX_BYTES). Registered in its own Fastify scope so only this route reads image bodies; every other content
 * type is refused with 415 before the body is read, a larger body with 413.
 */
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';
import { HQ_OPERATIONS } from '../server/hqOperations.ts';
import { PHOTO_MIME_TYPES } from '../../shared/contract/photosLimits.ts';
import { PhotoIdParamSchema } from '../../shared/sync/photoWire.ts';
import { storePhoto } from './storePhoto.ts';

export interface PhotoRouteOptions {
  readonly db: HqDb;
  readonly withToken: RouteShorthandOptions;
  readonly principalOf: (request: FastifyRequest) => StationPrincipal;
}

export function registerPhotoRoute(app: FastifyInstance, options: PhotoRouteOptions): void {
  const op = HQ_OPERATIONS.photoUpload;
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...PHOTO_MIME_TYPES], { parseAs: 'buffer', bodyLimit: op.bodyLimit }, (_request, body, done) => done(null, body));
    scope.put(op.path, { ...options.withToken, bodyLimit: op.bodyLimit }, async (request, reply) => {
      const principal = options.principalOf(request);
      const photoId = PhotoIdParamSchema.safeParse((request.params as { photoId?: unknown }).photoId);
      if (!photoId.success) throw new HqError('INVALID_REQUEST', 'The photo id must be a UUID');
      if (!(request.body instanceof Uint8Array)) throw new HqError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as image/jpeg or image/png');
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const result = await storePhoto(options.db, principal, photoId.data, contentType, request.body);
      request.log.info({ stationId: principal.stationId, photoId: photoId.data, bytes: request.body.length, stored: result.stored }, 'damage photo received');
      return reply.code(200).send(result);
    });
  });
}
