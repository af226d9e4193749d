/**
 * Putting a photo together from its chunks (pure, no Node): chunks come in order from 0, each exactly its length;
 * a chunk sent again with the same bytes is accepted once (a retried command), anything else is refused with why.
 * The caller checks the SHA-256 of `bytes()` once complete (it has the hash function).
 */
import { chunkCount, chunkLength, sniffImage, type PhotoMime } from './photosLimits.ts';

export type ChunkRefusal = 'OUT_OF_ORDER' | 'WRONG_LENGTH' | 'NOT_AN_IMAGE' | 'DIFFERENT_RESEND';
export type ChunkOutcome = { readonly ok: true; readonly received: number } | { readonly ok: false; readonly refusal: ChunkRefusal };

export interface PhotoAssembly {
  readonly bytes: number;
  readonly mime: PhotoMime;
  /** Adds chunk `index`. */
  add(index: number, chunk: Uint8Array): ChunkOutcome;
  /** Bytes received so far. */
  received(): number;
  complete(): boolean;
  /** The whole photo; only when complete. */
  joined(): Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function startAssembly(bytes: number, mime: PhotoMime): PhotoAssembly {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const count = chunkCount(bytes);
  return {
    bytes, mime,
    add(index, chunk) {
      if (index < chunks.length) {
        const earlier = chunks[index];
        return earlier !== undefined && sameBytes(earlier, chunk) ? { ok: true, received } : { ok: false, refusal: 'DIFFERENT_RESEND' };
      }
      if (index !== chunks.length || index >= count) return { ok: false, refusal: 'OUT_OF_ORDER' };
      if (chunk.length !== chunkLength(bytes, index)) return { ok: false, refusal: 'WRONG_LENGTH' };
      if (index === 0 && sniffImage(chunk) !== mime) return { ok: false, refusal: 'NOT_AN_IMAGE' };
      chunks.push(chunk.slice());
      received += chunk.length;
      return { ok: true, received };
    },
    received: () => received,
    complete: () => chunks.length === count,
    joined() {
      if (chunks.length !== count) throw new Error('photo assembly is not complete');
      const out = new Uint8Array(bytes);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}
