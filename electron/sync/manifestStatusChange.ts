/**
 * A consignee-ID or duty status that changed on this station because of a pull (only changed fields are present).
 * The station passes `onStatusChanged` to the sync service; it is called after the page's transaction committed,
 * once per changed manifest, so the hold shelf can release parcels whose ID arrived or whose duties were paid.
 */
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';

export interface ManifestStatusChange {
  readonly waybill: string;
  readonly consigneeIdStatus?: ManifestEntry['consigneeIdStatus'];
  readonly dutiesStatus?: ManifestEntry['dutiesStatus'];
}

export type StatusChangedCallback = (
  waybill: string,
  changed: { consigneeIdStatus?: ManifestEntry['consigneeIdStatus']; dutiesStatus?: ManifestEntry['dutiesStatus'] },
) => void | Promise<void>;
