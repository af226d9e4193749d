/**
 * Screens free text a person typed (notes, reasons, names) for consignee ID numbers and phone numbers, and masks
 * them (issue 14, item 8). Pure. ID numbers: PRC resident ID (17 digits + digit or X), Korea PCCC (P + 12 digits),
 * Taiwan national ID (a letter, 1 or 2, 8 digits). Phones: 7 to 15 digits written as one number, with optional
 * +, spaces, dots, dashes and brackets — not a date (2026-11-01) or a decimal weight. Tracking numbers glued to
 * letters (1Z…, APELAX…) are not touched.
 */

export const MASKED_ID = '[ID number removed]';
export const MASKED_PHONE = '[phone number removed]';

const ID_PATTERNS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}])\d{17}[\dXx](?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[Pp]\d{12}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[A-Za-z][12]\d{8}(?![\p{L}\p{N}])/gu,
];
/** A run that starts and ends with a digit (or + / bracket before it), with separators inside. */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}.])(?:\+|\(\s*)?\d[\d\s().-]{5,22}\d(?![\p{L}\p{N}]|\.\d)/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+\.\d+$/;

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const body = candidate.trim();
  return !ISO_DATE.test(body) && !DECIMAL.test(body);
}

export interface MaskResult {
  readonly text: string;
  readonly masked: { readonly ids: number; readonly phones: number };
}

export function screenFreeText(text: string): MaskResult {
  let ids = 0;
  let phones = 0;
  let out = text;
  for (const pattern of ID_PATTERNS) {
    out = out.replace(pattern, () => {
      ids++;
      return MASKED_ID;
    });
  }
  out = out.replace(PHONE_CANDIDATE, (m) => {
    if (!isPhone(m)) return m;
    phones++;
    return MASKED_PHONE;
  });
  return { text: out, masked: { ids, phones } };
}

/** The text with ID numbers and phone numbers masked. */
export function maskFreeText(text: string): string {
  return screenFreeText(text).text;
}
