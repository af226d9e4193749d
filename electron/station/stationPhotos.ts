/**
 * Damage evidence photos at the station (issue 12, item 5). A photo arrives in chunks (photos.begin / chunk /
 * finish, shared/contract/photos.ts); the station checks the parcel was reported damaged, the count per parcel, the
 * size, the image's first bytes and the SHA-256, then writes the file into `<data dir>/photos/<intake>/` (written to
 * a temporary name, flushed, renamed) and, in one transaction, its metadata row and a PHOTO_TAKEN event with its
 * outbox row. The file is kept at least PHOTO_KEEP_DAYS (the damage-claim window); nothing here deletes one.
 * electron/sync/photoUpload.ts sends the file to HQ after HQ has acknowledged the event.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandResponse, ParsedRequest } from '../../shared/contract/commands.ts';
import type { PhotoView } from '../../shared/contract/photos.ts';
import { startAssembly, type ChunkRefusal, type PhotoAssembly } from '../../shared/contract/photosAssembly.ts';
import { chunkCount, PHOTO_CHUNK_BYTES, PHOTO_KEEP_MS, PHOTO_TAKEN_EVENT, PHOTOS_PER_INTAKE_MAX } from '../../shared/contract/photosLimits.ts';
import { getIntakeRow } from '../db/queries/intakes.ts';
import { countPhotosOfIntake, getPhoto, insertPhoto, photoOfCommand, photosOfIntake, type PhotoRow } from '../db/queries/photos.ts';
import { appendEvent } from './eventLog.ts';
import { StationError } from './stationError.ts';

/** Photos being sent at once (each at most PHOTO_MAX_BYTES in memory); the oldest is dropped beyond this. */
export const PHOTO_UPLOADS_OPEN_MAX = 6;
/** A photo not finished within this long is dropped. */
export const PHOTO_UPLOAD_IDLE_MS = 10 * 60 * 1000;

export interface PhotoDeps {
  readonly db: Database;
  readonly dataDir: string;
  readonly now: () => number;
  /** The signed-in person's operator id. */
  readonly operator: () => string;
  /** Wake the pusher after a new event. */
  readonly nudgeSync: () => void;
}

type PhotoCommand = 'photos.begin' | 'photos.chunk' | 'photos.finish' | 'photos.list' | 'photos.read';
type Handler<N extends PhotoCommand> = (req: ParsedRequest<N>) => CommandResponse<N>;

interface OpenUpload {
  readonly intakeId: string;
  readonly sha256: string;
  readonly assembly: PhotoAssembly;
  touchedAt: number;
}

const REFUSAL_TEXT: Readonly<Record<ChunkRefusal, string>> = {
  OUT_OF_ORDER: 'Part of the photo arrived out of order. Take the photo again.',
  WRONG_LENGTH: 'Part of the photo arrived damaged. Take the photo again.',
  NOT_AN_IMAGE: 'That is not a JPEG or PNG photo. Take the photo again with the camera.',
  DIFFERENT_RESEND: 'Part of the photo arrived twice with different contents. Take the photo again.',
};

/** Where a photo's file lives, relative to the data directory. */
export function photoFileName(intakeId: string, photoId: string, mime: PhotoRow['mime']): string {
  return join('photos', intakeId, `${photoId}.${mime === 'image/png' ? 'png' : 'jpg'}`);
}

export function photoView(row: PhotoRow): PhotoView {
  return {
    photoId: row.photo_id, intakeId: row.intake_id, mime: row.mime, bytes: row.bytes, sha256: row.sha256, operator: row.operator,
    takenAt: row.taken_at, keepUntil: row.keep_until, uploadedAt: row.uploaded_at,
  };
}

/** Reads a stored photo's bytes (the sync upload uses this too). */
export function readPhotoFile(dataDir: string, row: PhotoRow): Buffer {
  return readFileSync(join(dataDir, row.file_name));
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function createStationPhotos(deps: PhotoDeps) {
  const { db } = deps;
  const open = new Map<string, OpenUpload>();

  const dropStale = (now: number): void => {
    for (const [id, upload] of open) if (now - upload.touchedAt > PHOTO_UPLOAD_IDLE_MS) open.delete(id);
    while (open.size >= PHOTO_UPLOADS_OPEN_MAX) {
      const oldest = open.keys().next().value;
      if (oldest === undefined) break;
      open.delete(oldest);
    }
  };

  const requireDamagedParcel = (intakeId: string): void => {
    const row = getIntakeRow(db, intakeId);
    if (row === null) throw new StationError('NOT_FOUND', 'That parcel is not on this station.');
    if (row.damaged !== 1) throw new StationError('INVALID_STATE', 'Photos are taken of a damaged parcel: report it damaged first (F6).');
  };

  const requireRoom = (intakeId: string, exceptPhotoId: string | null): void => {
    const opening = [...open.entries()].filter(([id, u]) => u.intakeId === intakeId && id !== exceptPhotoId).length;
    if (countPhotosOfIntake(db, intakeId) + opening >= PHOTOS_PER_INTAKE_MAX) {
      throw new StationError('PHOTO_LIMIT_REACHED', `This parcel already has ${PHOTOS_PER_INTAKE_MAX} photos, the most it may have.`);
    }
  };

  const begin: Handler<'photos.begin'> = (req) => {
    const answer = { photoId: req.photoId, chunkBytes: PHOTO_CHUNK_BYTES, chunks: chunkCount(req.bytes) };
    const stored = getPhoto(db, req.photoId);
    if (stored !== null) {
      if (stored.intake_id !== req.intakeId || stored.sha256 !== req.sha256) throw new StationError('INVALID_REQUEST', 'That photo id is already used by another photo.');
      return answer;
    }
    const now = deps.now();
    const existing = open.get(req.photoId);
    if (existing && existing.intakeId === req.intakeId && existing.sha256 === req.sha256 && existing.assembly.bytes === req.bytes) {
      existing.touchedAt = now;
      return answer;
    }
    requireDamagedParcel(req.intakeId);
    requireRoom(req.intakeId, req.photoId);
    dropStale(now);
    open.set(req.photoId, { intakeId: req.intakeId, sha256: req.sha256, assembly: startAssembly(req.bytes, req.mime), touchedAt: now });
    return answer;
  };

  const chunk: Handler<'photos.chunk'> = (req) => {
    const upload = open.get(req.photoId);
    if (!upload) {
      const stored = getPhoto(db, req.photoId);
      if (stored !== null) return { received: stored.bytes };
      throw new StationError('INVALID_STATE', 'The station is not expecting this photo any more. Take the photo again.');
    }
    const outcome = upload.assembly.add(req.index, Buffer.from(req.data, 'base64'));
    if (!outcome.ok) {
      open.delete(req.photoId);
      throw new StationError('PHOTO_REFUSED', REFUSAL_TEXT[outcome.refusal]);
    }
    upload.touchedAt = deps.now();
    return { received: outcome.received };
  };

  const finish: Handler<'photos.finish'> = (req) => {
    const again = photoOfCommand(db, req.commandId);
    if (again !== null) return photoView(again); // a retried command: applied once
    const stored = getPhoto(db, req.photoId);
    if (stored !== null) return photoView(stored);
    const upload = open.get(req.photoId);
    if (!upload) throw new StationError('INVALID_STATE', 'The station is not expecting this photo any more. Take the photo again.');
    if (!upload.assembly.complete()) {
      throw new StationError('INVALID_STATE', 'Not all of the photo has arrived yet. Take the photo again.');
    }
    open.delete(req.photoId);
    const bytes = upload.assembly.joined();
    if (createHash('sha256').update(bytes).digest('hex') !== upload.sha256) {
      throw new StationError('PHOTO_REFUSED', 'The photo arrived damaged. Take the photo again.');
    }
    const { intakeId } = upload;
    const mime = upload.assembly.mime;
    const fileName = photoFileName(intakeId, req.photoId, mime);
    const path = join(deps.dataDir, fileName);
    mkdirSync(join(deps.dataDir, 'photos', intakeId), { recursive: true, mode: 0o700 });
    writeDurably(path, bytes);
    const takenAt = deps.now();
    const operator = deps.operator();
    try {
      const row = db.transaction((): PhotoRow => {
        requireDamagedParcel(intakeId);
        if (countPhotosOfIntake(db, intakeId) >= PHOTOS_PER_INTAKE_MAX) {
          throw new StationError('PHOTO_LIMIT_REACHED', `This parcel already has ${PHOTOS_PER_INTAKE_MAX} photos, the most it may have.`);
        }
        const keepUntil = takenAt + PHOTO_KEEP_MS;
        const { seq } = appendEvent(db, {
          intakeId, commandId: req.commandId, type: PHOTO_TAKEN_EVENT, at: takenAt,
          payload: { photoId: req.photoId, mime, bytes: bytes.length, sha256: upload.sha256, operator, takenAt, keepUntil },
        });
        insertPhoto(db, {
          photo_id: req.photoId, intake_id: intakeId, command_id: req.commandId, event_seq: seq, mime, bytes: bytes.length,
          sha256: upload.sha256, file_name: fileName, operator, taken_at: takenAt, keep_until: keepUntil,
        });
        const inserted = getPhoto(db, req.photoId);
        if (inserted === null) throw new Error('photo row missing right after insert');
        return inserted;
      })();
      deps.nudgeSync();
      return photoView(row);
    } catch (error) {
      rmSync(path, { force: true }); // no row: the file is not kept either
      throw error;
    }
  };

  const list: Handler<'photos.list'> = (req) => photosOfIntake(db, req.intakeId).map(photoView);

  const read: Handler<'photos.read'> = (req) => {
    const row = getPhoto(db, req.photoId);
    if (row === null) throw new StationError('NOT_FOUND', 'That photo is not on this station.');
    const count = chunkCount(row.bytes);
    if (req.index >= count) throw new StationError('INVALID_REQUEST', 'That part of the photo does not exist.');
    const bytes = readPhotoFile(deps.dataDir, row);
    const part = bytes.subarray(req.index * PHOTO_CHUNK_BYTES, (req.index + 1) * PHOTO_CHUNK_BYTES);
    return { data: part.toString('base64'), last: req.index === count - 1 };
  };

  return {
    handlers: { 'photos.begin': begin, 'photos.chunk': chunk, 'photos.finish': finish, 'photos.list': list, 'photos.read': read },
  };
}
