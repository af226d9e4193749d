/**
 * USPS IMpb (../shared/reference/barcodes.md §1.2). The Package Identification Code (PIC) starts with its channel AI 91–95 and ends in a
 * GS1 mod 10 check digit over the PIC only — never over a 420 + ZIP prefix.
 *  - PIC of 22 or 26 digits (9[1-5]…), or 30 digits starting 94;
 *  - the same behind 420 + ZIP5 / ZIP9 when the scanner lost the FNC1 separator (30, 34, 38 … digits);
 *  - legacy 20-digit numbers, valid as printed or after prefixing 91 (the data file's usps_20 / usps_legacy rules,
 *    ../shared/reference/barcodes.md §1.2); these are only "probable". Former FedEx SmartPost 20-digit numbers with an implicit 92 are
 *    not accepted: their barcode carries the full 92… PIC, and accepting a third rule would let 3 in 10 random
 *    20-digit strings pass.
 */
import { hasValidGs1Mod10 } from '../checkDigits/gs1Mod10.ts';
import type { Recognised, ScanFormat } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const uspsIdentity = (format: ScanFormat): Identity => ({ kind: 'usps_impb', format, carrier: 'usps' });

function picFormat(pic: string): ScanFormat | undefined {
  if (!/^9[1-5]\d+$/.test(pic)) return undefined;
  if (pic.length === 22) return 'usps_impb_22';
  if (pic.length === 26) return 'usps_impb_26';
  if (pic.length === 30 && pic.startsWith('94')) return 'usps_impb_30';
  return undefined;
}

/** Judges a bare PIC; null when it does not have a PIC's shape. */
export function recogniseUspsPic(pic: string): Recognised | null {
  const format = picFormat(pic);
  if (!format) return null;
  return hasValidGs1Mod10(pic) ? accepted(uspsIdentity(format), pic, 'certain') : rejected(uspsIdentity(format), pic, 'CHECK_DIGIT_MISMATCH');
}

/**
 * 420 + ZIP (5 or 9 digits) + PIC with the separator lost. Every split whose PIC has the right shape is tried; PICs
 * that pass their check digit win, shortest first; when two splits pass, the others are alternatives.
 */
export function recogniseUspsBehindZip(digits: string): Recognised | null {
  if (!digits.startsWith('420')) return null;
  const afterAi = digits.slice(3);
  const shaped = [5, 9]
    .map((zipLength) => afterAi.slice(zipLength))
    .filter((pic) => picFormat(pic) !== undefined)
    .sort((a, b) => a.length - b.length);
  const passing = shaped.filter(hasValidGs1Mod10);
  const [best, ...others] = passing;
  if (best !== undefined) {
    const format = picFormat(best) ?? 'usps_impb_22';
    return accepted(uspsIdentity(format), best, others.length > 0 ? 'probable' : 'certain', others);
  }
  const [first] = shaped;
  if (first !== undefined) return rejected(uspsIdentity(picFormat(first) ?? 'usps_impb_22'), first, 'CHECK_DIGIT_MISMATCH');
  return null;
}

/** Legacy 20-digit numbers (no channel AI printed). */
export function recogniseUspsLegacy20(digits: string): Recognised | null {
  if (!/^\d{20}$/.test(digits)) return null;
  const id = uspsIdentity('usps_legacy_20');
  const passes = hasValidGs1Mod10(digits) || hasValidGs1Mod10(`91${digits}`);
  return passes ? accepted(id, digits, 'probable') : rejected(id, digits, 'CHECK_DIGIT_MISMATCH', 'probable');
}

/** A 420 + ZIP element on its own: the routing barcode printed above the IMpb, not a parcel id. */
export function recogniseShipToPostalCodeOnly(digits: string): Recognised | null {
  if (!/^420(?:\d{5}|\d{9})$/.test(digits)) return null;
  return rejected({ kind: 'routing_only', format: 'gs1_ship_to_postal_code', carrier: null }, digits, 'ROUTING_ONLY');
}
