/**
 * The return reference printed on a return slip (ECMS calls it the return waybill, 退运运单号).
 *
 * Deterministic, so a reprint carries the same reference and HQ can derive it without the station:
 *   parcel with an ECMS waybill:   "RT" + the waybill          RTAPELAX1040039963   (../shared/reference/domain.md §7.2 SAMPLE scheme)
 *   parcel without a pre-alert:    "RTN" + the inbound tracking RTN1Z999AA10123456784 ("N" = no waybill)
 * The two forms could only collide if a waybill were "N" + another parcel's tracking number; ECMS waybills start
 * with a station prefix (APELAX/APECHI), so this is not expected. The result is upper case [A-Z0-9].
 */
export function returnReference(waybill: string | null, tracking: string): string {
  const clean = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return waybill !== null && clean(waybill).length > 0 ? `RT${clean(waybill)}` : `RTN${clean(tracking)}`;
}
