/**
 * Toledo Continuous output parser (../shared/reference/hardware.md §1.2). Status words:
 *   SWA bits 0–2 decimal point / dummy zeros (0 → XXXX00 … 2 → XXXXXX, 3 → XXXXX.X … 7 → X.XXXXX),
 *       bits 3–4 increment (1 → ×1, 2 → ×2, 3 → ×5), bit 5 = 1
 *   SWB bit 0 net, 1 negative, 2 out of range, 3 motion, 4 kg (else lb), 5 = 1, 6 power-up not zeroed
 *   SWC bits 0–2 unit (0 → lb/kg per SWB, 1 → g, others unsupported), 3 print request, 4 expanded display, 5 = 1
 * Assumption (documented in the report): with dummy-zero positions the six transmitted digits include the dummy
 * zeros, which must read '0'; a frame whose dummy positions are not zeros is rejected.
 */
import { massFromSteps, type MassUnit } from '../units/mass.ts';
import { CR, SPACE, STX, isAsciiDigit } from './asciiBytes.ts';
import { ByteQueue } from './byteQueue.ts';
import { dropNoiseBefore } from './dropNoise.ts';
import { indicationEvent, readingEvent, weighedStatus } from './scaleReadingFactory.ts';
import type { FrameRejectCode, ScaleFrameParser, ScaleParseEvent } from './scaleParseEvent.ts';
import { TOLEDO_FULL_FORMAT, toledoChecksum, toledoCrIndex, toledoFrameLength, type ToledoContinuousFormat } from './toledoContinuousFormat.ts';

const INCREMENTS = [0, 1, 2, 5] as const;

export function createToledoContinuousParser(format: ToledoContinuousFormat = TOLEDO_FULL_FORMAT): ScaleFrameParser {
  const queue = new ByteQueue();
  const frameLength = toledoFrameLength(format);
  const crIndex = toledoCrIndex(format);

  function reject(code: FrameRejectCode): ScaleParseEvent {
    // Resynchronise on the next STX inside the failed frame, if any.
    const next = queue.indexOf(STX, 1, frameLength);
    const count = next === -1 ? frameLength : next;
    queue.discard(count);
    return { type: 'rejected', code, byteCount: count };
  }

  function decodeFrame(at: number): ScaleParseEvent {
    const frame = queue.copy(0, frameLength);
    if (frame[crIndex] !== CR) return reject('malformed');
    if (format.checksum) {
      const sent = frame[crIndex + 1] ?? 0;
      if (sent > 0x7f || sent !== toledoChecksum(frame, 0, crIndex + 1)) return reject('badChecksum');
    }
    const swa = frame[1] ?? 0;
    const swb = frame[2] ?? 0;
    const swc = frame[3] ?? 0;
    // Bit 5 is always set and bit 7 must be clear (7-bit data); bit 6 is model-dependent.
    if ((swa & 0xa0) !== 0x20 || (swb & 0xa0) !== 0x20 || (swc & 0xa0) !== 0x20) return reject('badStatus');
    const weightDigits = digitField(frame, 4);
    const tareOk = !format.tareField || digitField(frame, 10) !== null;
    if (weightDigits === null || !tareOk) return reject('malformed');

    const pointCode = swa & 0x07;
    const increment = INCREMENTS[(swa >> 3) & 0x03] ?? 0;
    if (increment === 0) return reject('badStatus');
    const dummyZeros = pointCode === 0 ? 2 : pointCode === 1 ? 1 : 0;
    const exponent = pointCode <= 2 ? 0 : -(pointCode - 2);
    if (dummyZeros > 0 && !weightDigits.endsWith('0'.repeat(dummyZeros))) return reject('malformed');
    const unitCode = swc & 0x07;
    const unit: MassUnit | null = unitCode === 0 ? (swb & 0x10 ? 'kg' : 'lb') : unitCode === 1 ? 'g' : null;
    if (unit === null) return reject('unsupportedUnit');

    const negative = (swb & 0x02) !== 0;
    // Conditions first: an out-of-range frame's digits are not a weight (they may exceed any representable mass).
    if (swb & 0x04) {
      queue.discard(frameLength);
      return indicationEvent(negative ? 'underZero' : 'overload', at);
    }
    if (swb & 0x40 || swc & 0x10) {
      queue.discard(frameLength);
      return indicationEvent('notReady', at);
    }
    const steps = Number.parseInt(weightDigits, 10);
    const value = massFromSteps(negative ? -steps : steps, exponent, unit);
    const resolution = massFromSteps(increment * 10 ** dummyZeros, exponent, unit);
    if (value === null || resolution === null) return reject('unrepresentable');
    queue.discard(frameLength);
    return readingEvent({
      value: value === 0 ? 0 : value,
      unit,
      resolution,
      status: weighedStatus(value, { motion: (swb & 0x08) !== 0 }),
      mode: swb & 0x01 ? 'net' : 'gross',
      at,
    });
  }

  function push(chunk: Uint8Array, at: number): ScaleParseEvent[] {
    queue.append(chunk);
    const events: ScaleParseEvent[] = [];
    while (queue.length > 0) {
      if (dropNoiseBefore(queue, STX, events)) continue;
      // Data bytes up to the CR are never STX (status words ≥ 0x20, digits, spaces), so an STX there means this
      // frame was cut off. (The checksum byte may legitimately be 0x02.)
      const restart = queue.indexOf(STX, 1, crIndex + 1);
      if (restart !== -1) {
        queue.discard(restart);
        events.push({ type: 'rejected', code: 'truncated', byteCount: restart });
        continue;
      }
      if (queue.length < frameLength) break;
      events.push(decodeFrame(at));
    }
    return events;
  }

  function flush(): ScaleParseEvent[] {
    const count = queue.length;
    queue.clear();
    return count === 0 ? [] : [{ type: 'rejected', code: 'truncated', byteCount: count }];
  }

  return { protocol: 'toledo-continuous', push, flush };
}

/** Six digits, leading spaces allowed (non-significant zeros may be blanked); null if anything else. */
function digitField(frame: Uint8Array, from: number): string | null {
  let text = '';
  let seenDigit = false;
  for (let i = from; i < from + 6; i += 1) {
    const byte = frame[i] ?? 0;
    if (isAsciiDigit(byte)) {
      seenDigit = true;
      text += String.fromCharCode(byte);
    } else if (byte !== SPACE || seenDigit) {
      return null;
    }
  }
  return seenDigit ? text.padStart(6, '0') : null;
}
