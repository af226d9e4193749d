/**
 * GET /v1/updates/:file — electron-updater's generic-provider feed for authenticated stations: latest.yml,
 * latest-linux.yml and the installers they name, from the release HQ gives the asking station (updateFeedFiles.ts).
 * Files are streamed whole (no HTTP ranges: the station's updater is set to full downloads). Over HTTPS when HQ
 * serves TLS. Without an updates directory the route answers NOT_FOUND saying so.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { HqError } from '../hqError.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';
import { findFeedFile } from './updateFeedFiles.ts';
import { FEED_FILE_PATTERN } from '../../shared/update/updateFeed.ts';
import { HQ_OPERATIONS } from '../server/hqOperations.ts';

export interface UpdateFeedOptions {
  /** The updates directory; null: HQ publishes no updates. */
  readonly updatesDir: string | null;
  /** The route options that demand a station token (the HQ's guards). */
  readonly withToken: RouteShorthandOptions;
  readonly principalOf: (request: FastifyRequest) => StationPrincipal;
}

export function registerUpdateFeed(app: FastifyInstance, options: UpdateFeedOptions): void {
  app.get(HQ_OPERATIONS.updates.path, options.withToken, async (request, reply) => {
    const principal = options.principalOf(request);
    if (options.updatesDir === null) throw new HqError('NOT_FOUND', 'This HQ publishes no updates (it was started without --updates-dir)');
    const fileName = String((request.params as { file?: unknown }).file ?? '');
    const found = await findFeedFile(options.updatesDir, principal.stationId, fileName);
    request.log.info({ stationId: principal.stationId, release: found.release, file: fileName }, 'update file served');
    const type = FEED_FILE_PATTERN.test(fileName) ? 'text/yaml; charset=utf-8' : 'application/octet-stream';
    return reply
      .code(200)
      .header('content-length', found.size)
      .header('cache-control', 'no-store')
      .type(type)
      .send(createReadStream(found.path));
  });
}
