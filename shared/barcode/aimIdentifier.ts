/**
 * AIM / ISO 15424 symbology identifiers: "]" + code character + modifier, e.g. "]C0" Code 128, "]C1" GS1-128,
 * "]d2" GS1 DataMatrix, "]Q3" GS1 QR (../shared/reference/barcodes.md §3.3).
 */

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** Identifiers that mean "this symbol carries GS1 element strings". */
const GS1_IDENTIFIERS: ReadonlySet<string> = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

export interface SplitAim {
  readonly symbology: string | undefined;
  readonly rest: string;
}

/** Strips a leading AIM identifier and returns it separately. */
export function splitAimIdentifier(text: string): SplitAim {
  const m = AIM_PREFIX.exec(text);
  if (!m) return { symbology: undefined, rest: text };
  return { symbology: m[0], rest: text.slice(3) };
}

export function isGs1Symbology(symbology: string | undefined): boolean {
  return symbology !== undefined && GS1_IDENTIFIERS.has(symbology);
}
