/**
 * Layout of a Toledo Continuous frame (../shared/reference/hardware.md §1.2):
 *   STX SWA SWB SWC <6 digits weight> [<6 digits tare>] CR [checksum]
 * The tare field and the checksum are optional per indicator setup, so the format is part of the scale's settings
 * (and found by the probe). The checksum is the two's complement of the 7-bit sum of every byte from STX to CR.
 */
export interface ToledoContinuousFormat {
  readonly tareField: boolean;
  readonly checksum: boolean;
}

export const TOLEDO_FULL_FORMAT: ToledoContinuousFormat = { tareField: true, checksum: true };

/** Every format, most structured first (the order the probe prefers them in). */
export const TOLEDO_FORMATS: readonly ToledoContinuousFormat[] = [
  { tareField: true, checksum: true },
  { tareField: false, checksum: true },
  { tareField: true, checksum: false },
  { tareField: false, checksum: false },
];

export function toledoFrameLength(format: ToledoContinuousFormat): number {
  return 1 + 3 + 6 + (format.tareField ? 6 : 0) + 1 + (format.checksum ? 1 : 0);
}

/** Index of the CR within a frame. */
export function toledoCrIndex(format: ToledoContinuousFormat): number {
  return 10 + (format.tareField ? 6 : 0);
}

/** Checksum byte for bytes[from, to): two's complement of the sum of their low 7 bits, as 7 bits. */
export function toledoChecksum(bytes: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += (bytes[i] ?? 0) & 0x7f;
  return -sum & 0x7f;
}
