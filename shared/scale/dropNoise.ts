import type { ByteQueue } from './byteQueue.ts';
import type { ScaleParseEvent } from './scaleParseEvent.ts';

/**
 * Frame resynchronisation shared by the framed protocols: when the queue does not start with the frame's first byte,
 * everything before the next one (or everything, if none) is dropped and reported as noise. Returns true if it
 * dropped anything, so the parse loop looks again.
 */
export function dropNoiseBefore(queue: ByteQueue, frameStart: number, events: ScaleParseEvent[]): boolean {
  if (queue.length === 0 || queue.at(0) === frameStart) return false;
  const next = queue.indexOf(frameStart);
  const count = next === -1 ? queue.length : next;
  queue.discard(count);
  events.push({ type: 'rejected', code: 'noise', byteCount: count });
  return true;
}
