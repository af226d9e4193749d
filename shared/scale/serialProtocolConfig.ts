/**
 * How to talk to a serial scale: protocol plus the protocol's own options. Saved in the station settings and
 * produced by the probe; `createSerialScaleParser` builds the matching parser and `serialProtocolProfile` says how
 * to poll.
 */
import { z } from 'zod';
import { MASS_UNITS } from '../units/mass.ts';
import { asciiBytes } from './asciiBytes.ts';
import { LINE_9600_7E1, LINE_9600_8N1, type LineSettings } from './lineSettings.ts';
import { createMettler8213Parser } from './mettler8213Parser.ts';
import { createMtSicsParser } from './mtSicsParser.ts';
import { createNciParser } from './nciParser.ts';
import type { ScaleFrameParser } from './scaleParseEvent.ts';
import type { SerialScaleProtocolId } from './scaleProtocolId.ts';
import { createToledoContinuousParser } from './toledoContinuousParser.ts';

export const SerialProtocolConfigSchema = z.discriminatedUnion('protocol', [
  /** 8213 frames carry no unit: the unit the scale is set to. */
  z.object({ protocol: z.literal('mettler-8213'), unit: z.enum(MASS_UNITS) }),
  z.object({ protocol: z.literal('toledo-continuous'), tareField: z.boolean(), checksum: z.boolean() }),
  z.object({ protocol: z.literal('mt-sics') }),
  z.object({ protocol: z.literal('nci') }),
]);
export type SerialProtocolConfig = z.infer<typeof SerialProtocolConfigSchema>;

export interface SerialProtocolProfile {
  readonly id: SerialScaleProtocolId;
  /** Bytes that ask for a weight; null for streaming protocols. */
  readonly request: Uint8Array | null;
  /** Time between the start of two requests. */
  readonly pollIntervalMs: number;
  /** A reply (or, when streaming, a frame) must arrive within this time or the partial frame is dropped. */
  readonly replyTimeoutMs: number;
  readonly defaultLine: LineSettings;
}

const PROFILES: Readonly<Record<SerialScaleProtocolId, SerialProtocolProfile>> = {
  'mettler-8213': { id: 'mettler-8213', request: asciiBytes('W'), pollIntervalMs: 200, replyTimeoutMs: 500, defaultLine: LINE_9600_7E1 },
  'toledo-continuous': { id: 'toledo-continuous', request: null, pollIntervalMs: 0, replyTimeoutMs: 500, defaultLine: LINE_9600_7E1 },
  'mt-sics': { id: 'mt-sics', request: asciiBytes('SI\r\n'), pollIntervalMs: 200, replyTimeoutMs: 500, defaultLine: LINE_9600_8N1 },
  nci: { id: 'nci', request: asciiBytes('W\r'), pollIntervalMs: 200, replyTimeoutMs: 500, defaultLine: LINE_9600_7E1 },
};

export function serialProtocolProfile(id: SerialScaleProtocolId): SerialProtocolProfile {
  return PROFILES[id];
}

export function createSerialScaleParser(config: SerialProtocolConfig): ScaleFrameParser {
  switch (config.protocol) {
    case 'mettler-8213':
      return createMettler8213Parser({ unit: config.unit });
    case 'toledo-continuous':
      return createToledoContinuousParser({ tareField: config.tareField, checksum: config.checksum });
    case 'mt-sics':
      return createMtSicsParser();
    case 'nci':
      return createNciParser();
  }
}

export function describeProtocolConfig(config: SerialProtocolConfig): string {
  switch (config.protocol) {
    case 'mettler-8213':
      return `Mettler Toledo 8213/8217 (${config.unit})`;
    case 'toledo-continuous':
      return `Toledo Continuous (${config.tareField ? 'with' : 'no'} tare field, ${config.checksum ? 'with' : 'no'} checksum)`;
    case 'mt-sics':
      return 'Mettler Toledo MT-SICS';
    case 'nci':
      return 'NCI (Weigh-Tronix / Avery / Brecknell)';
  }
}
