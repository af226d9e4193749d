/**
 * The HOLD reasons that come from the consignee's paperwork as HQ reports it: consignee ID (CN, KR, TW) and duties.
 * Shared by the verdict engine and the hold shelf, so a hold is released by exactly the rule that created it.
 */
import { ID_REQUIRED_DESTINATIONS, type Destination } from '../manifest/destinations.ts';
import type { ManifestEntry } from '../manifest/manifestEntry.ts';
import type { ReasonDetail } from './reasonDetail.ts';
import type { ReasonCode } from './reasonCodes.ts';

/** The consignee-ID family: the reasons idReason() gives, recomputed whenever HQ reports the ID status. */
export const ID_REASON_CODES: ReadonlySet<ReasonCode> = new Set(['ID_MISSING', 'ID_INVALID']);

/** Reason codes HQ can clear by reporting the ID received or the duties paid. */
export const STATUS_REASON_CODES: ReadonlySet<ReasonCode> = new Set([...ID_REASON_CODES, 'DUTIES_UNPAID']);

export function idReason(destination: Destination, status: ManifestEntry['consigneeIdStatus']): ReasonDetail | null {
  if (!ID_REQUIRED_DESTINATIONS.has(destination)) return null;
  switch (status) {
    case 'received':
      return null;
    case 'invalid':
      return { code: 'ID_INVALID', destination };
    case 'missing':
    case 'not_required': // the destination requires an ID whatever the manifest says
      return { code: 'ID_MISSING', destination, manifestStatus: status };
  }
}

export function dutiesReason(destination: Destination, status: ManifestEntry['dutiesStatus']): ReasonDetail | null {
  return status === 'unpaid' ? { code: 'DUTIES_UNPAID', destination } : null;
}
