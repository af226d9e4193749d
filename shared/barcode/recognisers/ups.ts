/** UPS "1Z" numbers: 1Z + shipper (6) + service (2) + reference (7) + check digit = 18 characters (../shared/reference/barcodes.md §1.3). */
import { upsCheckDigit } from '../checkDigits/upsMod10.ts';
import type { Recognised } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const UPS: Identity = { kind: 'ups_1z', format: 'ups_1z', carrier: 'ups' };

export function recogniseUps(compact: string): Recognised | null {
  if (!/^1Z[A-Z0-9]*$/.test(compact) || compact.length < 4) return null;
  if (compact.length !== 18) return rejected(UPS, compact, 'WRONG_LENGTH');
  const body = compact.slice(2, 17);
  const check = compact.charAt(17);
  return String(upsCheckDigit(body)) === check ? accepted(UPS, compact, 'certain') : rejected(UPS, compact, 'CHECK_DIGIT_MISMATCH');
}
