/**
 * Korea Personal Customs Clearance Code (../shared/reference/barcodes.md §6.2): P + 12 digits. The check algorithm is not published, so
 * this is a format check only; the authoritative check (name + code + phone) is UNI-PASS, done at HQ.
 */
import { idAccepted, idRejected, type ConsigneeIdValidation } from './consigneeIdResult.ts';

export function validateKoreaPccc(id: string): ConsigneeIdValidation {
  if (/^P\d{12}$/.test(id)) return idAccepted('kr_pccc');
  return idRejected(/^P\d+$/.test(id) ? 'kr_pccc' : 'unknown', 'WRONG_FORMAT');
}
