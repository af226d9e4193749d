/**
 * Keeps one damage photo a station sends (PUT /v1/photos/{photoId}). The station's PHOTO_TAKEN event must already
 * be at HQ (the station sends the file only after HQ acknowledged it): its payload names the size, type and
 * SHA-256 the bytes must have. The first bytes must be that image type's. Sent again with the same bytes it is
 * answered as already stored; different bytes under a stored id are refused.
 */
import { createHash } from 'node:crypto';
import type { HqDb } from '../db/hqDb.ts';
import { HqError } from '../hqError.ts';
import { toInt } from '../db/sqlValues.ts';
import { PHOTO_MIME_TYPES, sniffImage } from '../../shared/contract/photosLimits.ts';
import type { PhotoUploadReply } from '../../shared/sync/photoWire.ts';
import type { StationPrincipal } from '../auth/stationTokens.ts';

interface TakenRow {
  seq: unknown;
  intake_id: string;
  payload: { mime?: unknown; bytes?: unknown; sha256?: unknown };
}

export async function storePhoto(db: HqDb, principal: StationPrincipal, photoId: string, contentType: string, body: Uint8Array): Promise<PhotoUploadReply> {
  const mime = PHOTO_MIME_TYPES.find((m) => m === contentType);
  if (mime === undefined || sniffImage(body) !== mime) {
    throw new HqError('UNSUPPORTED_MEDIA_TYPE', `A damage photo must be a JPEG or PNG image whose bytes match its content type (${contentType})`);
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const stored = await db.query<{ station_id: string; sha256: string }>('SELECT station_id, sha256 FROM station_photos WHERE photo_id = $1', [photoId]);
  const held = stored.rows[0];
  if (held) {
    if (held.station_id !== principal.stationId || held.sha256 !== sha256) throw new HqError('INVALID_REQUEST', `HQ already holds a different photo ${photoId}`);
    return { photoId, stored: false };
  }
  const taken = await db.query<TakenRow>(
    `SELECT seq, intake_id, payload FROM station_events
      WHERE type = 'PHOTO_TAKEN' AND payload ->> 'photoId' = $1 AND station_id = $2`,
    [photoId, principal.stationId],
  );
  const event = taken.rows[0];
  if (!event) throw new HqError('NOT_FOUND', `HQ has no PHOTO_TAKEN event of this station for photo ${photoId}; push the events first`);
  if (event.payload.sha256 !== sha256 || event.payload.bytes !== body.length || event.payload.mime !== mime) {
    throw new HqError('INVALID_REQUEST', `Photo ${photoId} does not match its PHOTO_TAKEN event (size, type or SHA-256)`);
  }
  const inserted = await db.query(
    `INSERT INTO station_photos (photo_id, station_id, event_seq, intake_id, mime, bytes, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (photo_id) DO NOTHING`,
    [photoId, principal.stationId, toInt(event.seq, 'seq'), event.intake_id, mime, body.length, sha256, body],
  );
  return { photoId, stored: inserted.affected > 0 };
}
