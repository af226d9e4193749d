import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startAssembly } from '../../../shared/contract/photosAssembly.ts';
import { chunkCount, chunkLength, PHOTO_CHUNK_BASE64_MAX, PHOTO_CHUNK_BYTES, PHOTO_MAX_BYTES, sniffImage } from '../../../shared/contract/photosLimits.ts';
import { MAX_FRAME_BYTES } from '../../../electron/host/frameLimits.ts';

const JPEG_HEAD = [0xff, 0xd8, 0xff];
const imageOf = (body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(body.length + 3);
  out.set(JPEG_HEAD);
  out.set(body, 3);
  return out;
};
const split = (bytes: Uint8Array): Uint8Array[] =>
  Array.from({ length: chunkCount(bytes.length) }, (_, i) => bytes.subarray(i * PHOTO_CHUNK_BYTES, (i + 1) * PHOTO_CHUNK_BYTES));

describe('photo chunks', () => {
  it('a chunk, base64-encoded with its frame, fits a WebSocket frame', () => {
    expect(PHOTO_CHUNK_BASE64_MAX + 1024).toBeLessThan(MAX_FRAME_BYTES);
    expect(chunkCount(PHOTO_MAX_BYTES)).toBe(PHOTO_MAX_BYTES / PHOTO_CHUNK_BYTES);
    expect([chunkLength(PHOTO_CHUNK_BYTES + 1, 0), chunkLength(PHOTO_CHUNK_BYTES + 1, 1), chunkLength(PHOTO_CHUNK_BYTES + 1, 2)]).toEqual([PHOTO_CHUNK_BYTES, 1, 0]);
  });

  it('tells JPEG and PNG from anything else by their first bytes', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    for (const head of [[], [0xff, 0xd8], [0x47, 0x49, 0x46, 0x38], [...new TextEncoder().encode('<svg')]]) expect(sniffImage(Uint8Array.from(head))).toBeNull();
  });

  it('any photo sent in order, with any chunk sent again, comes out byte for byte the same', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: PHOTO_CHUNK_BYTES * 3 + 10 }), fc.array(fc.nat(), { maxLength: 4 }), (body, resends) => {
        const photo = imageOf(body);
        const chunks = split(photo);
        const assembly = startAssembly(photo.length, 'image/jpeg');
        chunks.forEach((c, i) => {
          expect(assembly.complete()).toBe(false);
          expect(assembly.add(i, c)).toEqual({ ok: true, received: Math.min(photo.length, (i + 1) * PHOTO_CHUNK_BYTES) });
          for (const r of resends) if (r % chunks.length <= i) expect(assembly.add(r % chunks.length, chunks[r % chunks.length] ?? new Uint8Array())).toMatchObject({ ok: true });
        });
        expect(assembly.complete()).toBe(true);
        expect(assembly.joined()).toEqual(photo);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a skipped chunk, a wrong length, a changed resend and a first chunk that is not the image type', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: PHOTO_CHUNK_BYTES + 1, maxLength: PHOTO_CHUNK_BYTES * 3 }), (body) => {
        const photo = imageOf(body);
        const chunks = split(photo);
        const a = startAssembly(photo.length, 'image/jpeg');
        expect(a.add(1, chunks[1] ?? new Uint8Array())).toEqual({ ok: false, refusal: 'OUT_OF_ORDER' });
        expect(a.add(0, (chunks[0] ?? new Uint8Array()).subarray(1))).toEqual({ ok: false, refusal: 'WRONG_LENGTH' });
        expect(a.add(0, chunks[0] ?? new Uint8Array())).toMatchObject({ ok: true });
        const changed = (chunks[0] ?? new Uint8Array()).slice();
        changed[5] = (changed[5] ?? 0) ^ 1;
        expect(a.add(0, changed)).toEqual({ ok: false, refusal: 'DIFFERENT_RESEND' });
        expect(a.add(chunks.length, new Uint8Array(1))).toEqual({ ok: false, refusal: 'OUT_OF_ORDER' });
        expect(() => a.joined()).toThrow();
        expect(startAssembly(photo.length, 'image/png').add(0, chunks[0] ?? new Uint8Array())).toEqual({ ok: false, refusal: 'NOT_AN_IMAGE' });
      }),
      { numRuns: 20 },
    );
  });
});
