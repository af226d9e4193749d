/**
 * The limits of damage evidence photos, defined once for the station, the screen and HQ (pure: no schema library).
 */

/** The carrier's terms: damage is claimed within 30 days, with proof of the packaging; photos are kept at least this long. */
export const PHOTO_KEEP_DAYS = 30;
export const PHOTO_KEEP_MS = PHOTO_KEEP_DAYS * 24 * 60 * 60 * 1000;
/** Photos of one parcel. */
export const PHOTOS_PER_INTAKE_MAX = 3;
/** One photo's file (a 1280×960 JPEG at ordinary quality is 150–400 KB). */
export const PHOTO_MAX_BYTES = 4 * 1024 * 1024;
/** Raw bytes per chunk: base64 makes 43 692 characters of it, well inside a 64 KiB WebSocket frame. */
export const PHOTO_CHUNK_BYTES = 32 * 1024;
export const PHOTO_CHUNK_BASE64_MAX = Math.ceil(PHOTO_CHUNK_BYTES / 3) * 4;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number];
/** The event a kept photo writes (synced to HQ). */
export const PHOTO_TAKEN_EVENT = 'PHOTO_TAKEN';

/** How many chunks a photo of `bytes` bytes is sent in. */
export function chunkCount(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / PHOTO_CHUNK_BYTES));
}

/** The byte length chunk `index` of a `bytes`-byte photo must have (the last one may be shorter). */
export function chunkLength(bytes: number, index: number): number {
  const count = chunkCount(bytes);
  if (!Number.isInteger(index) || index < 0 || index >= count) return 0;
  return index < count - 1 ? PHOTO_CHUNK_BYTES : bytes - PHOTO_CHUNK_BYTES * (count - 1);
}

/** Which image type the first bytes say (JPEG: FF D8 FF; PNG: 89 50 4E 47 0D 0A 1A 0A); null: not an image we keep. */
export function sniffImage(head: Uint8Array): PhotoMime | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= png.length && png.every((b, i) => head[i] === b)) return 'image/png';
  return null;
}
