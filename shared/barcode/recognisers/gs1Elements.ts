/**
 * Recognises parcel ids among parsed GS1 element strings:
 *  - AI 00 → SSCC-18;
 *  - a USPS channel AI 91–95 → the IMpb PIC is the AI followed by its value (420 + ZIP, if present, is routing data);
 *  - AI 420 / 421 alone → a routing-only ship-to postal code barcode.
 * Returns null when no element is a parcel id, so the caller can fall back to the compact heuristics.
 */
import type { Gs1Element, Recognised } from '../scanClassification.ts';
import { rejected } from './outcome.ts';
import { judgeSscc } from './sscc.ts';
import { recogniseUspsPic } from './usps.ts';

export function recogniseGs1Elements(elements: readonly Gs1Element[]): Recognised | null {
  const sscc = elements.find((e) => e.ai === '00');
  if (sscc) return judgeSscc(sscc.value, 'certain');

  const channel = elements.find((e) => /^9[1-5]$/.test(e.ai));
  if (channel) {
    const pic = recogniseUspsPic(channel.ai + channel.value);
    if (pic) return pic;
  }

  const postal = elements.find((e) => e.ai === '420' || e.ai === '421');
  if (postal && elements.length === 1) {
    return rejected({ kind: 'routing_only', format: 'gs1_ship_to_postal_code', carrier: null }, postal.ai + postal.value, 'ROUTING_ONLY');
  }
  return null;
}
