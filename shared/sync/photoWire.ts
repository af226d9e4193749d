/**
 * HQ's damage-photo upload (issue 12, item 5): PUT /v1/photos/{photoId} with the image bytes as the body
 * (image/jpeg or image/png). HQ keeps a photo only when the station's PHOTO_TAKEN event for it is already stored and
 * the bytes match its size and SHA-256; a photo sent again is answered as stored (idempotent by photo id and hash).
 */
import { z } from 'zod';

export const PHOTO_UPLOAD_PATH = '/v1/photos';
export const PhotoIdParamSchema = z.string().uuid();
export const PhotoUploadReplySchema = z.object({
  photoId: z.string(),
  /** False: HQ already held this photo (the same bytes); nothing changed. */
  stored: z.boolean(),
});
export type PhotoUploadReply = z.infer<typeof PhotoUploadReplySchema>;
