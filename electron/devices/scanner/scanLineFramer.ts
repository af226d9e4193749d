/**
 * Frames a serial scanner's byte stream into scans: a scan ends at CR, LF or CR LF (empty lines are ignored).
 * Bytes map 1:1 to characters (latin1), so GS (0x1D) separators and AIM prefixes reach the classifier unchanged.
 * Chunks may split a scan anywhere (../shared/reference/hardware.md §7: "never assume one read = one frame").
 * Each scan is cleaned with the shared normaliser (shared/text/cleanText.ts): NUL and other control bytes (line
 * noise, a scanner's prefix), C1 bytes and the like are stripped, GS and RS kept; a line left empty is ignored.
 */
import { stripUnsafeText } from '../../../shared/text/cleanText.ts';

export type FramedScan = { readonly type: 'scan'; readonly text: string } | { readonly type: 'overflow'; readonly droppedBytes: number };

export interface ScanLineFramer {
  push(chunk: Uint8Array): FramedScan[];
  /** Bytes waiting for their line end. */
  pending(): number;
}

const CR = 0x0d;
const LF = 0x0a;

export function createScanLineFramer(maxLineLength: number): ScanLineFramer {
  let buffer: number[] = [];
  let overflowing = false;
  let dropped = 0;

  return {
    push(chunk) {
      const out: FramedScan[] = [];
      for (const byte of chunk) {
        if (byte === CR || byte === LF) {
          if (overflowing) out.push({ type: 'overflow', droppedBytes: dropped });
          else if (buffer.length > 0) {
            const text = stripUnsafeText(String.fromCharCode(...buffer), { keepScanSeparators: true });
            if (text.length > 0) out.push({ type: 'scan', text });
          }
          buffer = [];
          overflowing = false;
          dropped = 0;
          continue;
        }
        if (overflowing) {
          dropped += 1;
          continue;
        }
        buffer.push(byte);
        if (buffer.length > maxLineLength) {
          overflowing = true;
          dropped = buffer.length;
          buffer = [];
        }
      }
      return out;
    },
    pending: () => (overflowing ? dropped : buffer.length),
  };
}
