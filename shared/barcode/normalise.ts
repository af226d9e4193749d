/**
 * Turns what a scanner or decoder delivered into the forms the recognisers work on (../shared/reference/barcodes.md §1.1, §3.2–3.4):
 *  - strips the AIM symbology identifier (kept separately),
 *  - drops control characters except GS (FNC1 separator) and RS (ISO 15434 envelopes), e.g. CR/LF/Tab suffixes,
 *  - treats a leading GS (a decoder's FNC1-in-first-position) as a GS1 marker,
 *  - prepares GS1 text (element strings or HRI) when the data is, or may be, GS1,
 *  - builds the compact form: upper case, no whitespace, hyphens, GS/RS or HRI parentheses.
 */
import { isGs1Symbology, splitAimIdentifier } from './aimIdentifier.ts';
import { GS, looksLikeGs1Hri } from './gs1.ts';

const RS = '\u001e';

export interface NormalisedScan {
  readonly symbology: string | undefined;
  /** GS1 data to parse, when the scan is marked as GS1 (AIM id, GS present, leading FNC1) or is HRI text. */
  readonly gs1: { readonly form: 'element_strings' | 'hri'; readonly text: string } | undefined;
  /** An ISO 15434 message ("[)>" RS …), as in UPS MaxiCode / PDF417: carrier routing data, not a tracking barcode. */
  readonly iso15434: boolean;
  /** Upper case, no whitespace, hyphens, separators or HRI parentheses: what the pattern recognisers see. */
  readonly compact: string;
}

// C0 controls and DEL, except GS (0x1D) and RS (0x1E).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const DROPPED_CONTROLS = /[\u0000-\u001c\u001f\u007f]/g;
const WHITESPACE = /\s+/g;

export function normaliseScan(raw: string): NormalisedScan {
  const cleaned = raw.replace(DROPPED_CONTROLS, '').trim();
  const iso15434 = cleaned.startsWith(`[)>${RS}`);
  const { symbology, rest } = splitAimIdentifier(cleaned);

  let body = rest;
  let leadingFnc1 = false;
  while (body.startsWith(GS)) {
    body = body.slice(1);
    leadingFnc1 = true;
  }
  const noSpaces = body.replace(WHITESPACE, '');
  const gs1Marked = !iso15434 && (leadingFnc1 || isGs1Symbology(symbology) || noSpaces.includes(GS));
  const hri = !iso15434 && looksLikeGs1Hri(noSpaces);

  let gs1: NormalisedScan['gs1'];
  if (hri) gs1 = { form: 'hri', text: noSpaces };
  else if (gs1Marked) gs1 = { form: 'element_strings', text: noSpaces };

  const unbracketed = hri ? noSpaces.replace(/[()]/g, '') : noSpaces;
  const compact = unbracketed.replaceAll(GS, '').replaceAll(RS, '').replaceAll('-', '').toUpperCase();
  return { symbology, gs1, iso15434, compact };
}
