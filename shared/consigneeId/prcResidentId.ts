/**
 * PRC resident identity card number (../shared/reference/barcodes.md §6.1): 6-digit address code, birth date YYYYMMDD, 3-digit sequence,
 * ISO 7064 MOD 11-2 check character (0–9 or X). Checks: shape, province code, real and not-future birth date, check
 * character. Legacy 15-digit numbers are recognised and rejected as LEGACY_FORMAT.
 */
import { iso7064Mod11_2CheckChar } from '../barcode/checkDigits/iso7064Mod11_2.ts';
import { idAccepted, idRejected, type ConsigneeIdValidation } from './consigneeIdResult.ts';
import type { CalendarDate } from './calendarDate.ts';
import { compareCalendarDates, isRealCalendarDate } from './calendarDate.ts';

/** Province-level codes (GB/T 2260 first two digits), incl. 71 Taiwan, 81 Hong Kong, 82 Macau, 83 (HK/MO/TW residence permits). */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export function validatePrcResidentId(id: string, today: CalendarDate): ConsigneeIdValidation {
  if (/^\d{15}$/.test(id)) return idRejected('cn_resident_id_legacy_15', 'LEGACY_FORMAT');
  if (!/^\d{17}[\dX]$/.test(id)) return idRejected('unknown', 'WRONG_FORMAT');
  const kind = 'cn_resident_id';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return idRejected(kind, 'UNKNOWN_REGION');
  const birth: CalendarDate = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
  if (birth.year < 1900 || !isRealCalendarDate(birth)) return idRejected(kind, 'INVALID_BIRTH_DATE');
  if (compareCalendarDates(birth, today) > 0) return idRejected(kind, 'BIRTH_DATE_IN_FUTURE');
  if (iso7064Mod11_2CheckChar(id.slice(0, 17)) !== id.charAt(17)) return idRejected(kind, 'CHECK_DIGIT_MISMATCH');
  return idAccepted(kind);
}
