/**
 * MT-SICS replies (../shared/reference/hardware.md §1.3): ASCII lines ending CR LF, tokens separated by runs of spaces.
 *   S S <w> <unit>   stable weight            S D <w> <unit>   dynamic weight (from SI)
 *   S I              not executable now       S + / S -        overload / underload
 *   Z A | Z I | Z + | Z -, ZI S | ZI D …      zero replies      T S <tare> <unit> | T I | T + | T -   tare replies
 *   TAC A            tare cleared              ES / ET / EL     syntax / transmission / logical error
 * SICS weight replies do not say gross or net. The parser tracks the tare replies it sees (T S with a non-zero tare
 * → net, TAC A or a zero tare → gross); a tare set on the scale's keypad is not visible here (see the report).
 */
import type { MassUnit } from '../units/mass.ts';
import { CR, LF, isPrintableAscii, latin1 } from './asciiBytes.ts';
import { ByteQueue } from './byteQueue.ts';
import { decimalWeight } from './decimalWeight.ts';
import { indicationEvent, readingEvent, weighedStatus } from './scaleReadingFactory.ts';
import type { ScaleCommandReply, ScaleFrameParser, ScaleParseEvent } from './scaleParseEvent.ts';

/** Longest accepted line including CR LF. Real replies are ≤ 30 characters. */
export const MT_SICS_MAX_LINE = 64;

const UNITS: Readonly<Record<string, { unit: MassUnit; scale: number }>> = {
  g: { unit: 'g', scale: 0 },
  kg: { unit: 'kg', scale: 0 },
  lb: { unit: 'lb', scale: 0 },
  oz: { unit: 'oz', scale: 0 },
  mg: { unit: 'g', scale: 3 },
};

const ERRORS: Readonly<Record<string, string>> = { ES: 'syntax error', ET: 'transmission error', EL: 'logical error' };

export function createMtSicsParser(): ScaleFrameParser {
  const queue = new ByteQueue();
  let mode: 'gross' | 'net' = 'gross';
  let skippingLongLine = false;

  function reply(command: ScaleCommandReply['command'], outcome: ScaleCommandReply['outcome'], detail: string, at: number): ScaleParseEvent {
    return { type: 'reply', reply: { command, outcome, detail, at } };
  }

  function weighed(tokens: readonly string[], motion: boolean, at: number, byteCount: number): ScaleParseEvent {
    const unitInfo = UNITS[tokens[3] ?? ''];
    if (unitInfo === undefined) return { type: 'rejected', code: 'unsupportedUnit', byteCount };
    const text = tokens[2] ?? '';
    // Milligrams: shift the decimal point three places so the value stays exact in grams.
    const weight = decimalWeight(unitInfo.scale === 0 ? text : shiftDecimal(text, unitInfo.scale), unitInfo.unit);
    if (!weight.ok) return { type: 'rejected', code: weight.code, byteCount };
    return readingEvent({
      value: weight.value,
      unit: unitInfo.unit,
      resolution: weight.resolution,
      status: weighedStatus(weight.value, { motion }),
      mode,
      at,
    });
  }

  function decodeLine(line: string, at: number): ScaleParseEvent {
    const byteCount = line.length + 2;
    const tokens = line.trim().split(/ +/);
    const [id, status] = tokens;
    const n = tokens.length;
    if (n === 1 && id !== undefined && ERRORS[id] !== undefined) return reply('any', 'error', `${id} ${ERRORS[id]}`, at);
    if (id === 'S') {
      if ((status === 'S' || status === 'D') && n === 4) return weighed(tokens, status === 'D', at, byteCount);
      if (n === 2 && status === 'I') return indicationEvent('notReady', at);
      if (n === 2 && status === '+') return indicationEvent('overload', at);
      if (n === 2 && status === '-') return indicationEvent('underZero', at);
    }
    if ((id === 'Z' || id === 'ZI') && n === 2) {
      if (status === 'A' || (id === 'ZI' && (status === 'S' || status === 'D'))) return reply('zero', 'done', line, at);
      if (status === 'I' || status === '+' || status === '-') return reply('zero', 'refused', line, at);
    }
    if ((id === 'T' || id === 'TI') && status === 'S' && n === 4) {
      const tare = weighed(tokens, false, at, byteCount);
      if (tare.type !== 'reading') return tare;
      mode = tare.reading.value === 0 ? 'gross' : 'net';
      return reply('tare', 'done', line, at);
    }
    if ((id === 'T' || id === 'TI') && n === 2 && (status === 'I' || status === '+' || status === '-')) return reply('tare', 'refused', line, at);
    if (id === 'TAC' && n === 2 && status === 'A') {
      mode = 'gross';
      return reply('clearTare', 'done', line, at);
    }
    if (id === 'TAC' && n === 2 && status === 'I') return reply('clearTare', 'refused', line, at);
    return { type: 'rejected', code: 'malformed', byteCount };
  }

  function push(chunk: Uint8Array, at: number): ScaleParseEvent[] {
    queue.append(chunk);
    const events: ScaleParseEvent[] = [];
    while (queue.length > 0) {
      if (skippingLongLine) {
        // The rest of an over-long line, up to and including its LF, wherever that is.
        const end = queue.indexOf(LF);
        const count = end === -1 ? queue.length : end + 1;
        queue.discard(count);
        events.push({ type: 'rejected', code: 'tooLong', byteCount: count });
        if (end !== -1) skippingLongLine = false;
        continue;
      }
      const lf = queue.indexOf(LF, 0, MT_SICS_MAX_LINE);
      if (lf === -1) {
        if (queue.length < MT_SICS_MAX_LINE) break;
        events.push({ type: 'rejected', code: 'tooLong', byteCount: MT_SICS_MAX_LINE });
        queue.discard(MT_SICS_MAX_LINE);
        skippingLongLine = true;
        continue;
      }
      const bodyEnd = lf - 1;
      const printable = bodyEnd >= 0 && queue.at(bodyEnd) === CR && queue.findIndex((b) => !isPrintableAscii(b), 0, bodyEnd) === -1;
      events.push(printable ? decodeLine(latin1(queue.copy(0, bodyEnd)), at) : { type: 'rejected', code: lf === 0 ? 'noise' : 'malformed', byteCount: lf + 1 });
      queue.discard(lf + 1);
    }
    return events;
  }

  function flush(): ScaleParseEvent[] {
    const count = queue.length;
    queue.clear();
    skippingLongLine = false;
    return count === 0 ? [] : [{ type: 'rejected', code: 'truncated', byteCount: count }];
  }

  return { protocol: 'mt-sics', push, flush };
}

/** "12.5" shifted by 3 → "0.0125" (text ÷ 10^places), keeping the exact digits. */
function shiftDecimal(text: string, places: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[2] === '' && m[3] === undefined)) return text; // not a number: let decimalWeight reject it
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const scale = (m[3] ?? '').length + places;
  const padded = digits.padStart(scale + 1, '0');
  return `${m[1] ?? ''}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}
