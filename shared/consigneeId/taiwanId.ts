/**
 * Taiwan national ID and resident certificate / UI numbers (../shared/reference/barcodes.md §6.3):
 *  - national ID: letter + 1/2 + 8 digits;
 *  - new resident certificate (2021-): letter + 8/9 + 8 digits, same checksum;
 *  - old resident certificate: letter + A–D + 8 digits; the second letter contributes the units digit of its value.
 * Checksum: letter value (A10 … O35) split into tens t and units u; t×1 + u×9 + the next 8 characters × 8…1 + check
 * digit × 1 must be ≡ 0 (mod 10).
 */
import { idAccepted, idRejected, type ConsigneeIdValidation } from './consigneeIdResult.ts';

/** Letter values in order of value 10…35 (note I, O, W, X, Y, Z out of alphabetical order). */
const LETTERS_BY_VALUE = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

export function taiwanLetterValue(letter: string): number {
  return LETTERS_BY_VALUE.indexOf(letter) + 10;
}

/** Weighted sum mod 10 over the whole ID (valid when 0); the second character is given as its numeric value. */
export function taiwanChecksum(id: string, secondValue: number): number {
  const v = taiwanLetterValue(id.charAt(0));
  let sum = Math.floor(v / 10) + (v % 10) * 9 + secondValue * 8;
  for (let i = 2; i < 9; i++) sum += (id.charCodeAt(i) - 48) * (9 - i);
  sum += id.charCodeAt(9) - 48;
  return sum % 10;
}

export function validateTaiwanId(id: string): ConsigneeIdValidation {
  if (/^[A-Z][12]\d{8}$/.test(id)) {
    return taiwanChecksum(id, Number(id.charAt(1))) === 0 ? idAccepted('tw_national_id') : idRejected('tw_national_id', 'CHECK_DIGIT_MISMATCH');
  }
  if (/^[A-Z][89]\d{8}$/.test(id)) {
    return taiwanChecksum(id, Number(id.charAt(1))) === 0
      ? idAccepted('tw_resident_certificate_new')
      : idRejected('tw_resident_certificate_new', 'CHECK_DIGIT_MISMATCH');
  }
  if (/^[A-Z][A-D]\d{8}$/.test(id)) {
    return taiwanChecksum(id, taiwanLetterValue(id.charAt(1)) % 10) === 0
      ? idAccepted('tw_resident_certificate_old')
      : idRejected('tw_resident_certificate_old', 'CHECK_DIGIT_MISMATCH');
  }
  return idRejected('unknown', 'WRONG_FORMAT');
}
