/**
 * Mettler Toledo 8213/8217 ("Toledo ECR / POS weight-only") replies, ../shared/reference/hardware.md §1.1:
 *   weight  STX [spaces] digits-with-one-dot [N] CR     (N = net; no unit in the frame: the scale's configured unit)
 *   status  STX ? <status byte> CR                      (bit 0 motion, 1 over capacity, 2 under zero,
 *                                                         3 outside zero-capture range, 4 centre of zero, 5 net,
 *                                                         6 always 1)
 * Frames may arrive split or with noise; a frame cut off by the next STX is reported as truncated.
 */
import type { MassUnit } from '../units/mass.ts';
import { CR, STX, latin1 } from './asciiBytes.ts';
import { ByteQueue } from './byteQueue.ts';
import { dropNoiseBefore } from './dropNoise.ts';
import { decimalWeight } from './decimalWeight.ts';
import { indicationEvent, readingEvent, weighedStatus } from './scaleReadingFactory.ts';
import type { ScaleFrameParser, ScaleParseEvent } from './scaleParseEvent.ts';

export interface Mettler8213ParserOptions {
  /** The unit the scale is set to; 8213 frames do not carry it. */
  readonly unit: MassUnit;
}

/** STX + up to 14 content bytes + CR. The longest real frame is STX "0WW.WWWN" CR. */
export const METTLER_8213_MAX_FRAME = 16;

const QUESTION = 0x3f;
const WEIGHT_TEXT = /^ *([0-9.]+)(N?)$/;

export function createMettler8213Parser(options: Mettler8213ParserOptions): ScaleFrameParser {
  const queue = new ByteQueue();

  function decode(from: number, to: number, at: number): ScaleParseEvent {
    const length = to - from;
    if (length === 2 && queue.at(from) === QUESTION) return decodeStatus(queue.at(from + 1), at);
    const m = WEIGHT_TEXT.exec(latin1(queue.copy(from, to)));
    if (!m || m[1] === undefined) return { type: 'rejected', code: 'malformed', byteCount: length + 2 };
    const weight = decimalWeight(m[1], options.unit);
    if (!weight.ok) return { type: 'rejected', code: weight.code, byteCount: length + 2 };
    return readingEvent({
      value: weight.value,
      unit: options.unit,
      resolution: weight.resolution,
      status: weighedStatus(weight.value, { motion: false }),
      mode: m[2] === 'N' ? 'net' : 'gross',
      at,
    });
  }

  function push(chunk: Uint8Array, at: number): ScaleParseEvent[] {
    queue.append(chunk);
    const events: ScaleParseEvent[] = [];
    while (queue.length > 0) {
      if (dropNoiseBefore(queue, STX, events)) continue;
      const cr = queue.indexOf(CR, 1, METTLER_8213_MAX_FRAME);
      const restart = queue.indexOf(STX, 1, cr === -1 ? METTLER_8213_MAX_FRAME : cr);
      if (restart !== -1) {
        events.push({ type: 'rejected', code: 'truncated', byteCount: restart });
        queue.discard(restart);
        continue;
      }
      if (cr === -1) {
        if (queue.length < METTLER_8213_MAX_FRAME) break;
        events.push({ type: 'rejected', code: 'tooLong', byteCount: METTLER_8213_MAX_FRAME });
        queue.discard(METTLER_8213_MAX_FRAME);
        continue;
      }
      events.push(decode(1, cr, at));
      queue.discard(cr + 1);
    }
    return events;
  }

  function flush(): ScaleParseEvent[] {
    const count = queue.length;
    const startedFrame = queue.at(0) === STX;
    queue.clear();
    return count === 0 ? [] : [{ type: 'rejected', code: startedFrame ? 'truncated' : 'noise', byteCount: count }];
  }

  return { protocol: 'mettler-8213', push, flush };
}

function decodeStatus(status: number, at: number): ScaleParseEvent {
  // Bit 6 is always set and bit 7 is parity (stripped at 7E1), so a valid status byte is 0x40–0x7F.
  if ((status & 0xc0) !== 0x40) return { type: 'rejected', code: 'badStatus', byteCount: 4 };
  if (status & 0x02) return indicationEvent('overload', at);
  if (status & 0x04) return indicationEvent('underZero', at);
  if (status & 0x01) return indicationEvent('motion', at);
  if (status & 0x08) return indicationEvent('notReady', at);
  return { type: 'reply', reply: { command: 'status', outcome: 'done', detail: `?${String.fromCharCode(status)}`, at } };
}
