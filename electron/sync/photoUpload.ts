/**
 * Sends damage photos to HQ (issue 12, item 5): each photo whose PHOTO_TAKEN event HQ has acknowledged goes as
 * PUT /v1/photos/{photoId} with its bytes (read from the data directory). HQ answers stored (or already stored):
 * the photo is marked uploaded. Any failure — HQ down, a refusal, a file that cannot be read — is recorded on that
 * photo with its own backoff (full jitter, Retry-After as a floor), so one photo never holds up the events or the
 * other photos. Runs after each successful push (createSyncService.ts). Never throws.
 */
import type { Database } from 'better-sqlite3';
import { HqErrorBodySchema } from '../../shared/sync/hqErrors.ts';
import { PHOTO_UPLOAD_PATH, PhotoUploadReplySchema } from '../../shared/sync/photoWire.ts';
import { parseRetryAfterMs } from '../../shared/sync/retryAfter.ts';
import { retryDelayMs, type RetryDelayPolicy } from '../../shared/sync/retryDelay.ts';
import { markPhotoUploaded, photosDueForUpload, recordPhotoUploadFailure, type PhotoRow } from '../db/queries/photos.ts';
import { readPhotoFile } from '../station/stationPhotos.ts';
import type { SyncLog } from './syncContext.ts';

/** Photos sent in one round (the next round follows at the next poll). */
export const PHOTOS_PER_ROUND = 5;

export interface PhotoUploadOptions {
  readonly db: Database;
  readonly dataDir: string;
  readonly hqUrl: string;
  readonly token: string;
  readonly fetch: typeof fetch;
  readonly requestTimeoutMs: number;
  readonly policy: RetryDelayPolicy;
  readonly now: () => number;
  readonly random: () => number;
  readonly log: SyncLog;
}

export interface PhotoRound {
  readonly uploaded: number;
  readonly failed: number;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly retryAfterMs: number | null };

async function putPhoto(o: PhotoUploadOptions, row: PhotoRow, signal: AbortSignal): Promise<Outcome> {
  let body: Buffer;
  try {
    body = readPhotoFile(o.dataDir, row);
  } catch (error) {
    return { ok: false, message: `the photo file cannot be read (${error instanceof Error ? error.message : String(error)})`, retryAfterMs: null };
  }
  try {
    const res = await o.fetch(`${o.hqUrl.replace(/\/+$/, '')}${PHOTO_UPLOAD_PATH}/${row.photo_id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${o.token}`, 'content-type': row.mime, accept: 'application/json' },
      body: new Uint8Array(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(o.requestTimeoutMs)]),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok && PhotoUploadReplySchema.safeParse(json).success) return { ok: true };
    const err = HqErrorBodySchema.safeParse(json);
    const reason = err.success ? `${err.data.error.code}: ${err.data.error.message}` : text.slice(0, 200);
    return { ok: false, message: `HQ answered HTTP ${res.status} (${reason})`, retryAfterMs: parseRetryAfterMs(res.headers.get('retry-after'), o.now()) };
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    return { ok: false, message: `cannot reach HQ (${typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error)})`, retryAfterMs: null };
  }
}

/** One round: sends the photos that are due, oldest first; stops early when sync stops. */
export async function uploadDuePhotos(o: PhotoUploadOptions, signal: AbortSignal): Promise<PhotoRound> {
  let uploaded = 0;
  let failed = 0;
  for (const row of photosDueForUpload(o.db, o.now(), PHOTOS_PER_ROUND)) {
    if (signal.aborted) break;
    const outcome = await putPhoto(o, row, signal);
    if (signal.aborted) break;
    if (outcome.ok) {
      markPhotoUploaded(o.db, row.photo_id, o.now());
      uploaded++;
      continue;
    }
    failed++;
    const delay = retryDelayMs({ attempt: row.upload_attempts, retryAfterMs: outcome.retryAfterMs }, o.policy, o.random);
    recordPhotoUploadFailure(o.db, row.photo_id, outcome.message, o.now() + delay);
    o.log('warn', `damage photo ${row.photo_id} not sent to HQ: ${outcome.message}; next try in ${Math.round(delay)} ms`);
  }
  return { uploaded, failed };
}
