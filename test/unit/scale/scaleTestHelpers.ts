/** Small helpers shared by the scale unit tests. */
import type { ScaleReading } from '../../../shared/scale/reading.ts';
import type { ScaleIndication } from '../../../shared/scale/scaleIndication.ts';
import type { FrameRejectCode, ScaleFrameParser, ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import { massFromDecimal, type MassUnit } from '../../../shared/units/mass.ts';

/** Bytes from a string with one char per byte ("\x02001.25\r"). */
export function b(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function mass(text: string, unit: MassUnit): number {
  const value = massFromDecimal(text, unit);
  if (value === null) throw new Error(`bad test mass ${text} ${unit}`);
  return value;
}

export function readings(events: readonly ScaleParseEvent[]): ScaleReading[] {
  return events.flatMap((e) => (e.type === 'reading' ? [e.reading] : []));
}

export function indications(events: readonly ScaleParseEvent[]): ScaleIndication['condition'][] {
  return events.flatMap((e) => (e.type === 'indication' ? [e.indication.condition] : []));
}

export function rejections(events: readonly ScaleParseEvent[]): FrameRejectCode[] {
  return events.flatMap((e) => (e.type === 'rejected' ? [e.code] : []));
}

/** Feeds `bytes` in chunks cut at `cuts` (sorted offsets), all at time `at`. */
export function pushInChunks(parser: ScaleFrameParser, bytes: Uint8Array, cuts: readonly number[], at = 1000): ScaleParseEvent[] {
  const events: ScaleParseEvent[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const to = Math.min(Math.max(cut, from), bytes.length);
    events.push(...parser.push(bytes.subarray(from, to), at));
    from = to;
  }
  return events;
}

/** Feeds bytes one at a time. */
export function pushBytewise(parser: ScaleFrameParser, bytes: Uint8Array, at = 1000): ScaleParseEvent[] {
  return pushInChunks(parser, bytes, Array.from({ length: bytes.length }, (_, i) => i), at);
}

/** Events without timestamps, to compare runs fed in different chunkings. */
export function withoutTime(events: readonly ScaleParseEvent[]): unknown[] {
  return events.map((e) => {
    if (e.type === 'reading') return { ...e, reading: { ...e.reading, at: 0 } };
    if (e.type === 'indication') return { ...e, indication: { ...e.indication, at: 0 } };
    if (e.type === 'reply') return { ...e, reply: { ...e.reply, at: 0 } };
    return e;
  });
}
