/**
 * The one output type of every scale parser: bytes in, events out. A parser never throws on device bytes and never
 * turns bytes it cannot fully validate into a reading; those become `rejected` events with a typed code, so
 * transports can count and report them.
 */
import type { ScaleReading } from './reading.ts';
import type { ScaleIndication } from './scaleIndication.ts';
import type { ScaleProtocolId } from './scaleProtocolId.ts';

export const FRAME_REJECT_CODES = [
  /** Bytes outside any frame (before a frame start, or bytes no frame can start with). */
  'noise',
  /** A frame that started but was cut off by the next frame start or by flush(). */
  'truncated',
  /** No frame end within the protocol's maximum frame length. */
  'tooLong',
  /** Frame delimiters present but the content does not follow the protocol's layout. */
  'malformed',
  /** Checksum mismatch (Toledo Continuous). */
  'badChecksum',
  /** Status bytes/fields outside their defined values. */
  'badStatus',
  /** A unit the station does not weigh in (tons, carats, troy ounces, …). */
  'unsupportedUnit',
  /** A weight that cannot be held exactly in mass quanta or exceeds the station's 500 kg bound. */
  'unrepresentable',
] as const;
export type FrameRejectCode = (typeof FRAME_REJECT_CODES)[number];

/** Command acknowledgements and protocol-level errors (not weights). */
export interface ScaleCommandReply {
  readonly command: 'zero' | 'tare' | 'clearTare' | 'status' | 'any';
  /** done: executed; refused: understood but not possible now (not stable, out of range); error: not understood. */
  readonly outcome: 'done' | 'refused' | 'error';
  /** Protocol words for logs, e.g. "Z I", "ES syntax error", "?@". */
  readonly detail: string;
  readonly at: number;
}

export type ScaleParseEvent =
  | { readonly type: 'reading'; readonly reading: ScaleReading }
  | { readonly type: 'indication'; readonly indication: ScaleIndication }
  | { readonly type: 'reply'; readonly reply: ScaleCommandReply }
  | { readonly type: 'rejected'; readonly code: FrameRejectCode; readonly byteCount: number };

/** A stateful, pure frame parser for one protocol. */
export interface ScaleFrameParser {
  readonly protocol: ScaleProtocolId;
  /**
   * Feeds bytes as they arrived; `at` is the arrival time (epoch ms) of the chunk, used as the time of every frame
   * completed by it. Returns the events the chunk completed, in stream order.
   */
  push(chunk: Uint8Array, at: number): ScaleParseEvent[];
  /** Declares the stream interrupted (reply timeout, port closed): a partial frame is reported as truncated. */
  flush(): ScaleParseEvent[];
}
