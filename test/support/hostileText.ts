/** fast-check text generators for trust-boundary tests: any UTF-16 string, lone surrogates included, with the
 * dangerous characters (NUL, controls, C1, bidi overrides, zero-width, BOM) mixed in often. */
import fc from 'fast-check';

export const DANGEROUS_UNITS = ['\u0000', '\u001d', '\u0007', '\u007f', '\u0085', '\ud800', '\udfff', '\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\t', '\n'] as const;

export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40, unit: fc.constantFrom(...DANGEROUS_UNITS, 'a', 'é', '😀') }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
