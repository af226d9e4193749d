/**
 * FedEx (../shared/reference/barcodes.md §1.4; jkeen/tracking_number_data couriers/fedex.json):
 *  - Express 12: 11 digits + mod 11 (weights 1, 3, 7 from the right);
 *  - Ground 15: 14 digits + GS1 mod 10;
 *  - Ground "96" 22: 96 + SCNC (2) + service (3) + shipper (7) + package (7) + check, GS1 mod 10 over shipper+package;
 *    the printed 15-digit Ground number is shipper + package + check, which is reported as the tracking number;
 *  - 34-digit Express (starts [0-8]) and Ground GSN (starts 96): mod 11 over the 13-digit serial at positions 21–33;
 *    the last 12 digits are the printed 12-digit tracking number, which is reported as the tracking number.
 * Purely numeric 12 and 15 digit matches are "probable".
 */
import { hasValidGs1Mod10 } from '../checkDigits/gs1Mod10.ts';
import { digitAt } from '../checkDigits/digits.ts';
import { weighted137Mod11CheckDigit } from '../checkDigits/weighted137Mod11.ts';
import type { Recognised, ScanFormat } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const fedexIdentity = (format: ScanFormat): Identity => ({ kind: 'fedex', format, carrier: 'fedex' });

function mod11Ok(body: string, check: number): boolean {
  return weighted137Mod11CheckDigit(body) === check;
}

export function recogniseFedex(digits: string): Recognised | null {
  if (!/^\d+$/.test(digits)) return null;
  switch (digits.length) {
    case 12: {
      const id = fedexIdentity('fedex_express_12');
      return mod11Ok(digits.slice(0, 11), digitAt(digits, 11))
        ? accepted(id, digits, 'probable')
        : rejected(id, digits, 'CHECK_DIGIT_MISMATCH', 'probable');
    }
    case 15: {
      const id = fedexIdentity('fedex_ground_15');
      return hasValidGs1Mod10(digits) ? accepted(id, digits, 'probable') : rejected(id, digits, 'CHECK_DIGIT_MISMATCH', 'probable');
    }
    case 22: {
      if (!digits.startsWith('96')) return null;
      const id = fedexIdentity('fedex_ground_96_22');
      const ground15 = digits.slice(7);
      return hasValidGs1Mod10(ground15) ? accepted(id, ground15, 'certain', [digits]) : rejected(id, digits, 'CHECK_DIGIT_MISMATCH');
    }
    case 34: {
      const gsn = digits.startsWith('96');
      if (!gsn && !/^[0-8]/.test(digits)) return null;
      const id = fedexIdentity(gsn ? 'fedex_ground_gsn_34' : 'fedex_express_34');
      const printed = digits.slice(22);
      return mod11Ok(digits.slice(20, 33), digitAt(digits, 33))
        ? accepted(id, printed, 'certain', [digits])
        : rejected(id, digits, 'CHECK_DIGIT_MISMATCH');
    }
    default:
      return null;
  }
}
