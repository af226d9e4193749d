/**
 * Pure parts of protocol detection: what to send, and how to judge the bytes that came back. The probe
 * (electron/devices/scale/probeScalePort.ts) does the I/O.
 *
 * Plan per line setting: listen first (Toledo Continuous streams without being asked), then ask in the MT-SICS way
 * ("SI" CR LF), the NCI way ("W" CR) and the 8213 way ("W"). Every answer is fed to every parser; a protocol is
 * detected only from frames its parser fully validated, so noise or a wrong baud rate (which garbles bytes) never
 * detects anything.
 */
import { massFromSteps, type MassUnit } from '../units/mass.ts';
import { asciiBytes } from './asciiBytes.ts';
import { createMettler8213Parser } from './mettler8213Parser.ts';
import { createMtSicsParser } from './mtSicsParser.ts';
import { createNciParser } from './nciParser.ts';
import type { ScaleReading } from './reading.ts';
import type { ScaleParseEvent } from './scaleParseEvent.ts';
import type { SerialProtocolConfig } from './serialProtocolConfig.ts';
import { createToledoContinuousParser } from './toledoContinuousParser.ts';
import { TOLEDO_FORMATS, type ToledoContinuousFormat } from './toledoContinuousFormat.ts';

export interface ProbeRequest {
  readonly protocol: 'mt-sics' | 'nci' | 'mettler-8213';
  readonly bytes: Uint8Array;
}

export const PROBE_REQUESTS: readonly ProbeRequest[] = [
  { protocol: 'mt-sics', bytes: asciiBytes('SI\r\n') },
  { protocol: 'nci', bytes: asciiBytes('W\r') },
  { protocol: 'mettler-8213', bytes: asciiBytes('W') },
];

/** Frames a parser accepted (readings, indications, replies). */
export function validFrames(events: readonly ScaleParseEvent[]): number {
  return events.filter((e) => e.type !== 'rejected').length;
}

/**
 * The Toledo Continuous format of a captured stream, or null. A format qualifies when it parses at least `minFrames`
 * frames and nothing between the first and the last valid frame is rejected (a checksum byte read as noise
 * disqualifies the no-checksum formats, a tare field read as CR the no-tare ones); the most structured qualifying
 * format wins.
 */
export function detectToledoFormat(bytes: Uint8Array, minFrames = 2): ToledoContinuousFormat | null {
  for (const format of TOLEDO_FORMATS) {
    const events = createToledoContinuousParser(format).push(bytes, 0);
    const valid = events.map((e, i) => (e.type === 'rejected' ? -1 : i)).filter((i) => i >= 0);
    const first = valid[0];
    const last = valid[valid.length - 1];
    if (valid.length < minFrames || first === undefined || last === undefined) continue;
    if (events.slice(first, last + 1).every((e) => e.type !== 'rejected')) return format;
  }
  return null;
}

export type RequestAnswer = { readonly protocol: SerialProtocolConfig; readonly unitConfirmed: boolean } | null;

/**
 * Judges the bytes that answered one request. Each parser sees the whole answer; the first protocol (in the order
 * NCI, MT-SICS, 8213) whose parser validated a frame is the answer. The 8213 unit is not in its frames: it is
 * inferred from the number of decimals (3 → kg, else lb) and flagged unconfirmed.
 */
export function judgeRequestAnswer(bytes: Uint8Array): RequestAnswer {
  if (validFrames(createNciParser().push(bytes, 0)) > 0) return { protocol: { protocol: 'nci' }, unitConfirmed: true };
  if (validFrames(createMtSicsParser().push(bytes, 0)) > 0) return { protocol: { protocol: 'mt-sics' }, unitConfirmed: true };
  const toledo8213 = createMettler8213Parser({ unit: 'lb' }).push(bytes, 0);
  if (validFrames(toledo8213) > 0) {
    const reading = toledo8213.find((e): e is { type: 'reading'; reading: ScaleReading } => e.type === 'reading')?.reading;
    return { protocol: { protocol: 'mettler-8213', unit: reading ? inferMettlerUnit(reading) : 'lb' }, unitConfirmed: false };
  }
  return null;
}

function inferMettlerUnit(reading: ScaleReading): MassUnit {
  return reading.resolution === massFromSteps(1, -3, 'lb') ? 'kg' : 'lb';
}
