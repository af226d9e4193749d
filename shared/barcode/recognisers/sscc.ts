/**
 * GS1 SSCC-18 (serial shipping container code; FedEx Ground and many shippers): 18 digits with a GS1 mod 10 check
 * digit, carried behind AI 00. Recognised as a GS1 element, as "00" + 18 digits with the AIM prefix / FNC1 lost, or as
 * 18 bare digits ("probable"). The carrier cannot be told from an SSCC.
 */
import { hasValidGs1Mod10 } from '../checkDigits/gs1Mod10.ts';
import type { Certainty, Recognised } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const SSCC: Identity = { kind: 'sscc18', format: 'sscc18', carrier: null };

/** Judges an 18-digit SSCC value. */
export function judgeSscc(sscc: string, certainty: Certainty): Recognised {
  return hasValidGs1Mod10(sscc) ? accepted(SSCC, sscc, certainty) : rejected(SSCC, sscc, 'CHECK_DIGIT_MISMATCH', certainty);
}

export function recogniseSscc(digits: string): Recognised | null {
  if (/^00\d{18}$/.test(digits)) return judgeSscc(digits.slice(2), 'certain');
  if (/^\d{18}$/.test(digits)) return judgeSscc(digits, 'probable');
  return null;
}
