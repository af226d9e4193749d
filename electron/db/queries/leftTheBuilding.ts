/**
 * The one SQL condition for "this parcel was synced and has left the building" (issue 14, item 8 retention): an
 * intake `i` that is finished ('ready'), is not on the hold shelf, and every one of whose events HQ has acknowledged.
 * Used by the manifest-name purge (manifests.ts) and the print-job body purge (printJobRetention.ts), so both agree.
 */

/** An SQL boolean over an intakes row aliased `i`. */
export const INTAKE_LEFT_THE_BUILDING = `i.state = 'ready'
  AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.intake_id = i.intake_id AND h.state = 'held')
  AND NOT EXISTS (SELECT 1 FROM events e JOIN outbox o ON o.seq = e.seq WHERE e.intake_id = i.intake_id AND o.state <> 'acked')`;
