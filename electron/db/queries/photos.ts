/**
 * SQL for damage evidence photos: the metadata rows (the image files are in `<data dir>/photos/`), the photos of a
 * parcel, and the ones waiting to be sent to HQ — only once HQ has acknowledged their PHOTO_TAKEN event.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../statementCache.ts';

export interface PhotoRow {
  photo_id: string;
  intake_id: string;
  command_id: string;
  event_seq: number;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
  sha256: string;
  file_name: string;
  operator: string;
  taken_at: number;
  keep_until: number;
  uploaded_at: number | null;
  upload_attempts: number;
  next_upload_at: number;
  last_upload_error: string | null;
}

export type NewPhotoRow = Omit<PhotoRow, 'uploaded_at' | 'upload_attempts' | 'next_upload_at' | 'last_upload_error'>;

export function insertPhoto(db: Database, row: NewPhotoRow): void {
  prepared(
    db,
    `INSERT INTO photos (photo_id, intake_id, command_id, event_seq, mime, bytes, sha256, file_name, operator, taken_at, keep_until)
     VALUES (@photo_id, @intake_id, @command_id, @event_seq, @mime, @bytes, @sha256, @file_name, @operator, @taken_at, @keep_until)`,
  ).run(row);
}

export function getPhoto(db: Database, photoId: string): PhotoRow | null {
  return (prepared(db, 'SELECT * FROM photos WHERE photo_id = ?').get(photoId) as PhotoRow | undefined) ?? null;
}

export function photoOfCommand(db: Database, commandId: string): PhotoRow | null {
  return (prepared(db, 'SELECT * FROM photos WHERE command_id = ?').get(commandId) as PhotoRow | undefined) ?? null;
}

export function photosOfIntake(db: Database, intakeId: string): PhotoRow[] {
  return prepared(db, 'SELECT * FROM photos WHERE intake_id = ? ORDER BY taken_at, photo_id').all(intakeId) as PhotoRow[];
}

export function countPhotosOfIntake(db: Database, intakeId: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM photos WHERE intake_id = ?').get(intakeId) as { n: number }).n;
}

/** Photos not at HQ yet whose PHOTO_TAKEN event HQ has acknowledged and whose backoff is over, oldest first. */
export function photosDueForUpload(db: Database, now: number, limit: number): PhotoRow[] {
  return prepared(
    db,
    `SELECT p.* FROM photos p JOIN outbox o ON o.seq = p.event_seq
      WHERE p.uploaded_at IS NULL AND o.state = 'acked' AND p.next_upload_at <= ?
      ORDER BY p.next_upload_at, p.taken_at LIMIT ?`,
  ).all(now, limit) as PhotoRow[];
}

/** Photos not at HQ yet (shown as waiting). */
export function photosWaitingUpload(db: Database): number {
  return (prepared(db, 'SELECT count(*) AS n FROM photos WHERE uploaded_at IS NULL').get() as { n: number }).n;
}

export function markPhotoUploaded(db: Database, photoId: string, at: number): void {
  prepared(db, 'UPDATE photos SET uploaded_at = ?, last_upload_error = NULL WHERE photo_id = ?').run(at, photoId);
}

export function recordPhotoUploadFailure(db: Database, photoId: string, message: string, nextAt: number): void {
  prepared(
    db,
    'UPDATE photos SET upload_attempts = upload_attempts + 1, last_upload_error = ?, next_upload_at = ? WHERE photo_id = ?',
  ).run(message, nextAt, photoId);
}
