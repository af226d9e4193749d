/**
 * NCI status bytes (../shared/reference/hardware.md §1.4), bit 0 = LSB; bits 4 and 5 are always 1:
 *   byte 1: 0 motion, 1 at zero, 2 RAM error, 3 EEPROM error (bit 6 always 0 → 0x30–0x3F)
 *   byte 2: 0 under capacity, 1 over capacity, 2 ROM error, 3 faulty calibration (bit 6: another byte follows)
 *   byte 3: 0–1 range, 2 net, 3 initial zero error (bit 6: another byte follows)
 *   byte 4: 0 weight changed, 1 zero seen, 2 metric
 */
export interface NciStatus {
  readonly motion: boolean;
  readonly atZero: boolean;
  readonly underCapacity: boolean;
  readonly overCapacity: boolean;
  /** RAM, EEPROM, ROM or calibration error. */
  readonly fault: boolean;
  readonly net: boolean;
  readonly initialZeroError: boolean;
}

/** Regex source for 2–4 status bytes: the first 0x30–0x3F, the rest 0x30–0x3F or with bit 6 set (0x70–0x7F). */
export const NCI_STATUS_BYTES = '[\\x30-\\x3f][\\x30-\\x3f\\x70-\\x7f]{1,3}';

export function decodeNciStatus(text: string): NciStatus {
  const b1 = text.charCodeAt(0) || 0;
  const b2 = text.charCodeAt(1) || 0;
  const b3 = text.length > 2 ? text.charCodeAt(2) : 0;
  return {
    motion: (b1 & 0x01) !== 0,
    atZero: (b1 & 0x02) !== 0,
    underCapacity: (b2 & 0x01) !== 0,
    overCapacity: (b2 & 0x02) !== 0,
    fault: (b1 & 0x0c) !== 0 || (b2 & 0x0c) !== 0,
    net: (b3 & 0x04) !== 0,
    initialZeroError: (b3 & 0x08) !== 0,
  };
}

/** Status bytes for a state (two bytes, or three when net). */
export function encodeNciStatus(status: Partial<NciStatus>): string {
  const b1 = 0x30 | (status.motion ? 1 : 0) | (status.atZero ? 2 : 0) | (status.fault ? 4 : 0);
  const more = status.net === true || status.initialZeroError === true;
  const b2 = 0x30 | (status.underCapacity ? 1 : 0) | (status.overCapacity ? 2 : 0) | (more ? 0x40 : 0);
  const b3 = 0x30 | (status.net ? 4 : 0) | (status.initialZeroError ? 8 : 0);
  return String.fromCharCode(b1, b2) + (more ? String.fromCharCode(b3) : '');
}
