/**
 * Damage evidence photos (issue 12, item 5): the schemas of the photo commands. A photo crosses the contract in
 * chunks (photos.begin → photos.chunk … → photos.finish), because a browser-mode WebSocket frame is at most 64 KiB
 * (electron/host/frameLimits.ts) and IPC uses the same contract. The station checks the size, the count per parcel,
 * the image's first bytes and its SHA-256 before anything is kept. photos.read gives a stored photo back in chunks.
 */
import { z } from 'zod';
import { PHOTO_CHUNK_BASE64_MAX, PHOTO_MAX_BYTES, PHOTO_MIME_TYPES, PHOTOS_PER_INTAKE_MAX } from './photosLimits.ts';

const commandId = z.string().uuid();
const photoId = z.string().uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const base64 = z.string().max(PHOTO_CHUNK_BASE64_MAX).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');

export const PhotoViewSchema = z.object({
  photoId: z.string(),
  intakeId: z.string(),
  mime: z.enum(PHOTO_MIME_TYPES),
  bytes: z.number().int(),
  sha256: z.string(),
  operator: z.string(),
  takenAt: z.number(),
  /** The earliest time the station may delete the file: the carrier's damage-claim window after it was taken. */
  keepUntil: z.number(),
  /** When HQ confirmed it holds the file; null while it is waiting to be sent. */
  uploadedAt: z.number().nullable(),
});
export type PhotoView = z.infer<typeof PhotoViewSchema>;

export const PHOTO_COMMANDS = {
  /** Start sending one photo of a parcel reported damaged (the client makes its id: sent again, it starts nothing new); answers the chunk size. */
  'photos.begin': {
    request: z.object({
      intakeId: z.string().uuid(), photoId, mime: z.enum(PHOTO_MIME_TYPES),
      bytes: z.number().int().min(1).max(PHOTO_MAX_BYTES), sha256,
    }),
    response: z.object({ photoId: z.string(), chunkBytes: z.number().int().positive(), chunks: z.number().int().positive() }),
  },
  /** One chunk, in order from 0; a chunk sent again (same index, same bytes) is answered as before. */
  'photos.chunk': {
    request: z.object({ photoId, index: z.number().int().min(0).max(PHOTO_MAX_BYTES), data: base64 }),
    response: z.object({ received: z.number().int() }),
  },
  /** Every chunk is in: the station checks the SHA-256, keeps the file and records PHOTO_TAKEN (synced to HQ). */
  'photos.finish': { request: z.object({ commandId, photoId }), response: PhotoViewSchema },
  'photos.list': { request: z.object({ intakeId: z.string().uuid() }), response: z.array(PhotoViewSchema).max(PHOTOS_PER_INTAKE_MAX) },
  /** One chunk of a stored photo's bytes (base64), from chunk `index`; `last` on the final one. */
  'photos.read': {
    request: z.object({ photoId, index: z.number().int().min(0).max(PHOTO_MAX_BYTES) }),
    response: z.object({ data: z.string(), last: z.boolean() }),
  },
} as const;
