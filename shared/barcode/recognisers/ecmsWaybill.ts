/**
 * ECMS waybills: "APE" + station (LAX | CHI) + 10 digits, e.g. APELAX1040039963 (../shared/reference/domain.md §1.2, §7.2); no check
 * digit is known. Stations may add patterns (e.g. return waybills); they are matched against the whole compact scan.
 */
import { accepted, rejected, type Identity } from './outcome.ts';
import type { Recognised } from '../scanClassification.ts';

const WAYBILL = /^APE(?:LAX|CHI)\d{10}$/;
const WAYBILL_PREFIX = /^APE(?:LAX|CHI)\d*$/;

const ECMS: Identity = { kind: 'ecms_waybill', format: 'ecms_waybill', carrier: 'ecms' };
const ECMS_CUSTOM: Identity = { kind: 'ecms_waybill', format: 'ecms_custom_pattern', carrier: 'ecms' };

/** A copy of the pattern without g / y flags, so matching never depends on lastIndex. */
const statelessCopies = new WeakMap<RegExp, RegExp>();
function stateless(pattern: RegExp): RegExp {
  let copy = statelessCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    statelessCopies.set(pattern, copy);
  }
  return copy;
}

function matchesWhole(pattern: RegExp, text: string): boolean {
  const m = stateless(pattern).exec(text);
  return m !== null && m.index === 0 && m[0].length === text.length;
}

export function recogniseEcmsWaybill(compact: string, extraPatterns: readonly RegExp[]): Recognised | null {
  if (WAYBILL.test(compact)) return accepted(ECMS, compact, 'certain');
  for (const pattern of extraPatterns) {
    if (matchesWhole(pattern, compact)) return accepted(ECMS_CUSTOM, compact, 'certain');
  }
  if (WAYBILL_PREFIX.test(compact)) return rejected(ECMS, compact, 'WRONG_LENGTH');
  return null;
}
