/** Control bytes and ASCII helpers for byte-level scale protocols (no TextDecoder: shared/ has no DOM/Node lib). */
export const STX = 0x02;
export const ETX = 0x03;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;

export function isAsciiDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** Printable 7-bit ASCII (space to tilde). */
export function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}

/** Bytes as a string, one char per byte (latin1). For short frame fields only. */
export function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let text = '';
  for (let i = from; i < to; i += 1) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** ASCII text as bytes; throws on a character above 0xFF (callers pass protocol literals). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new RangeError(`not a byte string: ${JSON.stringify(text)}`);
    out[i] = code;
  }
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
