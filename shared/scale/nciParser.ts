/**
 * NCI "W" protocol replies as spoken by Weigh-Tronix, Avery Weigh-Tronix, Salter Brecknell and many OEMs
 * (../shared/reference/hardware.md §1.4). Both frame families are accepted:
 *   SCP-01 / NCI standard   LF <weight><unit> CR LF <status> CR ETX       (SCP-02: "S" before the status)
 *   SCP-12 / 3835           LF <p><weight><unit> CR <status> ETX           (p = polarity, no LF/CR around status)
 *   status only             LF [S]<status> CR ETX          unrecognised command   LF ? CR ETX
 * Weight fields: "0001.25LB", "  1.250 KG", "-  0.50LB", pounds-ounces "01lb 05.2oz", and over/under/zero-error
 * fills ("^^^^^^", "______", "------"). A frame is LF … ETX; when a frame fails to parse from its first LF, the
 * parser retries from each later LF inside it, so a frame cut off by the next one costs only the cut-off frame.
 */
import { MAX_MASS_Q, massFromSteps, type MassUnit } from '../units/mass.ts';
import { CR, ETX, LF, isPrintableAscii, latin1 } from './asciiBytes.ts';
import { ByteQueue } from './byteQueue.ts';
import { dropNoiseBefore } from './dropNoise.ts';
import { decimalWeight } from './decimalWeight.ts';
import { NCI_STATUS_BYTES, decodeNciStatus, type NciStatus } from './nciStatusBytes.ts';
import { indicationEvent, readingEvent, weighedStatus } from './scaleReadingFactory.ts';
import type { FrameRejectCode, ScaleFrameParser, ScaleParseEvent } from './scaleParseEvent.ts';

/** Longest accepted frame, LF to ETX inclusive. */
export const NCI_MAX_FRAME = 40;

const TWO_LINE = new RegExp(`^([^\\r\\n]+)\\r\\nS?(${NCI_STATUS_BYTES})\\r$`);
const SCP12 = new RegExp(`^([^\\r\\n]+)\\r(${NCI_STATUS_BYTES})$`);
const STATUS_ONLY = new RegExp(`^S?(${NCI_STATUS_BYTES})\\r$`);
const PLAIN_WEIGHT = /^ *([-+]?) *(\d+(?:\.\d+)?|\.\d+) *([A-Za-z]{1,3}) *$/;
const LB_OZ_WEIGHT = /^ *([-+]?) *(\d+) *lb +(\d+(?:\.\d+)?) *oz *$/i;
const FILL_WEIGHT = /^ *[-+]? *([\^_-][\^_.-]*?) *(?:[A-Za-z]{1,3})? *$/;

const UNITS: Readonly<Record<string, MassUnit>> = { LB: 'lb', KG: 'kg', OZ: 'oz', G: 'g' };

type Decoded = ScaleParseEvent | 'shape';

export function createNciParser(): ScaleFrameParser {
  const queue = new ByteQueue();

  function push(chunk: Uint8Array, at: number): ScaleParseEvent[] {
    queue.append(chunk);
    const events: ScaleParseEvent[] = [];
    while (queue.length > 0) {
      if (dropNoiseBefore(queue, LF, events)) continue;
      const etx = queue.indexOf(ETX, 1, NCI_MAX_FRAME);
      if (etx === -1) {
        if (queue.length < NCI_MAX_FRAME) break;
        const inner = queue.indexOf(LF, 1, NCI_MAX_FRAME);
        const count = inner === -1 ? NCI_MAX_FRAME : inner;
        queue.discard(count);
        events.push({ type: 'rejected', code: inner === -1 ? 'tooLong' : 'truncated', byteCount: count });
        continue;
      }
      events.push(...decodeFrom(etx, at));
      queue.discard(etx + 1);
    }
    return events;
  }

  /** Tries the frame body from the first LF, then from each later LF before the ETX. */
  function decodeFrom(etx: number, at: number): ScaleParseEvent[] {
    for (let start = 0; start !== -1 && start < etx; start = queue.indexOf(LF, start + 1, etx)) {
      const decoded = decodeBody(queue.copy(start + 1, etx), at);
      if (decoded === 'shape') continue;
      return start === 0 ? [decoded] : [{ type: 'rejected', code: 'truncated', byteCount: start }, decoded];
    }
    return [{ type: 'rejected', code: 'malformed', byteCount: etx + 1 }];
  }

  function flush(): ScaleParseEvent[] {
    const count = queue.length;
    queue.clear();
    return count === 0 ? [] : [{ type: 'rejected', code: 'truncated', byteCount: count }];
  }

  return { protocol: 'nci', push, flush };
}

function decodeBody(body: Uint8Array, at: number): Decoded {
  for (const byte of body) if (!isPrintableAscii(byte) && byte !== CR && byte !== LF) return 'shape';
  const text = latin1(body);
  const byteCount = body.length + 2;
  if (text === '?\r') return { type: 'reply', reply: { command: 'any', outcome: 'error', detail: '?', at } };
  const statusOnly = STATUS_ONLY.exec(text);
  if (statusOnly?.[1] !== undefined) return decodeStatusOnly(statusOnly[1], at);
  const framed = TWO_LINE.exec(text) ?? SCP12.exec(text);
  if (!framed || framed[1] === undefined || framed[2] === undefined) return 'shape';
  return decodeWeighed(framed[1], decodeNciStatus(framed[2]), at, byteCount);
}

function decodeStatusOnly(statusText: string, at: number): ScaleParseEvent {
  const status = decodeNciStatus(statusText);
  const condition = blockingCondition(status);
  if (condition !== null) return indicationEvent(condition, at);
  if (status.motion) return indicationEvent('motion', at);
  return { type: 'reply', reply: { command: 'status', outcome: 'done', detail: statusText, at } };
}

function blockingCondition(status: NciStatus): 'fault' | 'overload' | 'underZero' | 'notReady' | null {
  if (status.fault) return 'fault';
  if (status.overCapacity) return 'overload';
  if (status.underCapacity) return 'underZero';
  if (status.initialZeroError) return 'notReady';
  return null;
}

function decodeWeighed(field: string, status: NciStatus, at: number, byteCount: number): ScaleParseEvent {
  const fill = FILL_WEIGHT.exec(field)?.[1];
  if (fill !== undefined) {
    // Over capacity fills the field with '^', under capacity with '_', a zero-point error with '-'.
    const symbol = fill.charAt(0);
    if ([...fill].some((c) => c !== symbol && c !== '.')) return { type: 'rejected', code: 'malformed', byteCount };
    return indicationEvent(symbol === '^' ? 'overload' : symbol === '_' ? 'underZero' : 'notReady', at);
  }
  // Conditions first: an overloaded or faulty scale's weight field is not a weight. Only a negative weight flagged
  // under capacity is kept, as a reading below zero.
  const condition = blockingCondition(status);
  if (condition !== null && condition !== 'underZero') return indicationEvent(condition, at);
  const weight = parseWeightField(field, byteCount);
  if (weight.type === 'rejected') return condition === null ? weight : indicationEvent(condition, at);
  if (condition !== null && weight.value >= 0) return indicationEvent(condition, at);
  return readingEvent({
    value: weight.value,
    unit: weight.unit,
    resolution: weight.resolution,
    status: weighedStatus(weight.value, { motion: status.motion, atZero: status.atZero }),
    mode: status.net ? 'net' : 'gross',
    at,
  });
}

type WeightField =
  | { readonly type: 'weight'; readonly value: number; readonly resolution: number; readonly unit: MassUnit | 'lb-oz' }
  | { readonly type: 'rejected'; readonly code: FrameRejectCode; readonly byteCount: number };

function parseWeightField(field: string, byteCount: number): WeightField {
  const rejected = (code: FrameRejectCode): WeightField => ({ type: 'rejected', code, byteCount });
  const lbOz = LB_OZ_WEIGHT.exec(field);
  if (lbOz && lbOz[2] !== undefined && lbOz[3] !== undefined) {
    const pounds = decimalWeight(lbOz[2], 'lb');
    const ounces = decimalWeight(lbOz[3], 'oz');
    if (!pounds.ok) return rejected(pounds.code);
    if (!ounces.ok) return rejected(ounces.code);
    if (ounces.value >= (massFromSteps(16, 0, 'oz') ?? 0)) return rejected('malformed');
    const magnitude = pounds.value + ounces.value;
    if (magnitude > MAX_MASS_Q) return rejected('unrepresentable');
    return { type: 'weight', value: lbOz[1] === '-' && magnitude !== 0 ? -magnitude : magnitude, resolution: ounces.resolution, unit: 'lb-oz' };
  }
  const plain = PLAIN_WEIGHT.exec(field);
  if (!plain || plain[2] === undefined || plain[3] === undefined) return rejected('malformed');
  const unit = UNITS[plain[3].toUpperCase()];
  if (unit === undefined) return rejected('unsupportedUnit');
  const weight = decimalWeight(`${plain[1] === '-' ? '-' : ''}${plain[2]}`, unit);
  if (!weight.ok) return rejected(weight.code);
  return { type: 'weight', value: weight.value, resolution: weight.resolution, unit };
}
