/**
 * classifyScan: what is this scan? Pure; runs in the renderer, the station services and the CLI.
 *
 * Order (../shared/reference/barcodes.md §1.1): empty → ISO 15434 carrier message → EAN/UPC product code (AIM ]E…) →
 * GS1 element strings / HRI (when marked as GS1) →
 * ECMS waybill (+ configured patterns) → lettered carrier formats (UPS 1Z, Amazon, UPU S10, DHL) → numeric formats by
 * length and prefix (SSCC, USPS, FedEx, DHL mod 7, routing-only 420 + ZIP) → unknown.
 */
import { parseGs1ElementStrings, parseGs1Hri } from './gs1.ts';
import { normaliseScan } from './normalise.ts';
import { recogniseAmazon } from './recognisers/amazon.ts';
import { recogniseDhlExpressWaybill, recogniseDhlLettered } from './recognisers/dhl.ts';
import { recogniseEcmsWaybill } from './recognisers/ecmsWaybill.ts';
import { recogniseFedex } from './recognisers/fedex.ts';
import { recogniseGs1Elements } from './recognisers/gs1Elements.ts';
import { rejected } from './recognisers/outcome.ts';
import { recogniseS10 } from './recognisers/s10.ts';
import { recogniseSscc } from './recognisers/sscc.ts';
import { recogniseUps } from './recognisers/ups.ts';
import { recogniseShipToPostalCodeOnly, recogniseUspsBehindZip, recogniseUspsLegacy20, recogniseUspsPic } from './recognisers/usps.ts';
import type { Gs1Element, Recognised, ScanClassification } from './scanClassification.ts';

export interface ClassifyScanOptions {
  /** Extra ECMS waybill patterns (e.g. return waybills), matched against the whole compact scan (upper case, no spaces or hyphens). */
  readonly extraWaybillPatterns?: readonly RegExp[];
}

const UNKNOWN = { kind: 'unknown', format: 'unknown', carrier: null } as const;

function recogniseNumeric(digits: string): Recognised | null {
  const routingPrefixed = /^420(?:\d{5}|\d{9})$/.test(digits);
  if (routingPrefixed) {
    const fedex = recogniseFedex(digits);
    return fedex?.valid ? fedex : recogniseShipToPostalCodeOnly(digits);
  }
  return (
    recogniseSscc(digits) ??
    recogniseUspsBehindZip(digits) ??
    recogniseUspsPic(digits) ??
    recogniseUspsLegacy20(digits) ??
    recogniseFedex(digits) ??
    recogniseDhlExpressWaybill(digits)
  );
}

function recogniseCompact(compact: string, options: ClassifyScanOptions): Recognised | null {
  return (
    recogniseEcmsWaybill(compact, options.extraWaybillPatterns ?? []) ??
    recogniseUps(compact) ??
    recogniseAmazon(compact) ??
    recogniseS10(compact) ??
    recogniseDhlLettered(compact) ??
    (/^\d+$/.test(compact) ? recogniseNumeric(compact) : null)
  );
}

export function classifyScan(raw: string, options: ClassifyScanOptions = {}): ScanClassification {
  const scan = normaliseScan(raw);
  const base = { raw, ...(scan.symbology !== undefined ? { symbology: scan.symbology } : {}) };

  if (scan.compact.length === 0) return { ...rejected(UNKNOWN, '', 'EMPTY'), ...base };
  if (scan.iso15434) return { ...rejected(UNKNOWN, scan.compact, 'CARRIER_2D_MESSAGE'), ...base };
  // ]E0 / ]E3 / ]E4: EAN / UPC product codes. A 12-digit UPC-A would otherwise be judged as a FedEx Express number.
  if (scan.symbology?.startsWith(']E')) return { ...rejected(UNKNOWN, scan.compact, 'UNRECOGNISED'), ...base };

  let gs1: readonly Gs1Element[] | undefined;
  if (scan.gs1) {
    const parsed = scan.gs1.form === 'hri' ? parseGs1Hri(scan.gs1.text) : parseGs1ElementStrings(scan.gs1.text);
    if (parsed.ok) {
      gs1 = parsed.elements;
      const fromGs1 = recogniseGs1Elements(parsed.elements);
      if (fromGs1) return { ...fromGs1, ...base, gs1: [...parsed.elements] };
    }
  }

  const gs1Field = gs1 ? { gs1: [...gs1] } : {};
  const recognised = recogniseCompact(scan.compact, options);
  if (recognised) return { ...recognised, ...base, ...gs1Field };
  return { ...rejected(UNKNOWN, scan.compact, 'UNRECOGNISED'), ...base, ...gs1Field };
}
