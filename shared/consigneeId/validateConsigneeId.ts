/**
 * validateConsigneeId: local check of a consignee customs ID for CN / KR / TW (the destinations in
 * ID_REQUIRED_DESTINATIONS). Input is trimmed, inner spaces and hyphens removed, and upper-cased (a lowercase x / p
 * is common). The result carries only validity, kind and reason — never the number.
 */
import { calendarDateOf, type CalendarDate } from './calendarDate.ts';
import { idRejected, type ConsigneeIdCountry, type ConsigneeIdValidation } from './consigneeIdResult.ts';
import { validateKoreaPccc } from './koreaPccc.ts';
import { validatePrcResidentId } from './prcResidentId.ts';
import { validateTaiwanId } from './taiwanId.ts';

export interface ValidateConsigneeIdOptions {
  /** "Today" for the PRC birth-date check; defaults to the current UTC date. */
  readonly today?: CalendarDate;
}

export function normaliseConsigneeId(id: string): string {
  return id.replace(/[\s-]+/g, '').toUpperCase();
}

export function validateConsigneeId(country: ConsigneeIdCountry, id: string, options: ValidateConsigneeIdOptions = {}): ConsigneeIdValidation {
  const normalised = normaliseConsigneeId(id);
  if (normalised.length === 0) return idRejected('unknown', 'EMPTY');
  switch (country) {
    case 'CN':
      return validatePrcResidentId(normalised, options.today ?? calendarDateOf(new Date()));
    case 'KR':
      return validateKoreaPccc(normalised);
    case 'TW':
      return validateTaiwanId(normalised);
  }
}
