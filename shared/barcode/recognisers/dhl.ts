/**
 * DHL (../shared/reference/barcodes.md §1.7; jkeen/tracking_number_data couriers/dhl.json):
 *  - Express waybill: 10 or 11 digits, check digit = value of the preceding digits mod 7 ("probable": 1 in 7 random
 *    numbers pass);
 *  - Express piece id: J + 2–3 letters + 9–10 digits (JJD…, JVGL…), no check digit;
 *  - eCommerce: GM, LX, RX, UV, CN, SG, TH, IN, HK, MY + 10–39 digits, no check digit ("probable").
 */
import { digitAt } from '../checkDigits/digits.ts';
import { mod7CheckDigit } from '../checkDigits/mod7.ts';
import type { Recognised } from '../scanClassification.ts';
import { accepted, rejected, type Identity } from './outcome.ts';

const EXPRESS: Identity = { kind: 'dhl_express', format: 'dhl_express_waybill', carrier: 'dhl' };
const PIECE: Identity = { kind: 'dhl_express', format: 'dhl_express_piece_id', carrier: 'dhl' };
const ECOMMERCE: Identity = { kind: 'dhl_ecommerce', format: 'dhl_ecommerce', carrier: 'dhl' };

export function recogniseDhlExpressWaybill(digits: string): Recognised | null {
  if (!/^\d{10,11}$/.test(digits)) return null;
  const body = digits.slice(0, -1);
  return mod7CheckDigit(body) === digitAt(digits, digits.length - 1)
    ? accepted(EXPRESS, digits, 'probable')
    : rejected(EXPRESS, digits, 'CHECK_DIGIT_MISMATCH', 'probable');
}

export function recogniseDhlLettered(compact: string): Recognised | null {
  if (/^J[A-Z]{2,3}\d{9,10}$/.test(compact)) return accepted(PIECE, compact, 'certain');
  if (/^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)\d{10,39}$/.test(compact)) return accepted(ECOMMERCE, compact, 'probable');
  return null;
}
