/**
 * Sends one photo to the station through the contract in chunks (photos.begin → photos.chunk … → photos.finish):
 * a WebSocket frame holds at most 64 KiB. The SHA-256 is made here (Web Crypto) and checked by the station, so a
 * damaged transfer is refused rather than kept. Also reads a stored photo back (photos.read) as a Blob.
 */
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { PhotoView } from '../../shared/contract/photos.ts';
import type { PhotoMime } from '../../shared/contract/photosLimits.ts';

type Caller = Pick<StationClient, 'call'>;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sendPhoto(client: Caller, intakeId: string, bytes: Uint8Array, mime: PhotoMime): Promise<Result<PhotoView>> {
  const photoId = crypto.randomUUID();
  const begun = await client.call('photos.begin', { intakeId, photoId, mime, bytes: bytes.length, sha256: await sha256Hex(bytes) });
  if (!begun.ok) return begun;
  const { chunkBytes, chunks } = begun.data;
  for (let index = 0; index < chunks; index++) {
    const sent = await client.call('photos.chunk', { photoId, index, data: toBase64(bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes)) });
    if (!sent.ok) return sent;
  }
  return client.call('photos.finish', { commandId: crypto.randomUUID(), photoId });
}

export async function readPhoto(client: Caller, photo: Pick<PhotoView, 'photoId' | 'mime'>): Promise<Result<Blob>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; ; index++) {
    const part = await client.call('photos.read', { photoId: photo.photoId, index });
    if (!part.ok) return part;
    parts.push(fromBase64(part.data.data) as Uint8Array<ArrayBuffer>);
    if (part.data.last) return { ok: true, data: new Blob(parts, { type: photo.mime }) };
  }
}
