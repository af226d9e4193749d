/**
 * The return slip for one intake (../shared/reference/domain.md §4.2): the decision and every reason in words, the original waybill
 * (or inbound tracking) as a barcode, the return reference, the shipper it goes back to, the masked consignee,
 * measured weight and size, station, date and operator.
 *
 * The shipper is only in the full manifest entry (IntakeView carries a summary), so the caller passes the entry;
 * without a pre-alert the slip says the shipper is unknown instead of leaving the field out.
 * A held parcel can get the same slip (titled as an exception); an accepted one cannot.
 */
import type { IntakeView } from '../contract/intakeView.ts';
import { DESTINATION_NAMES } from '../manifest/destinations.ts';
import type { ManifestEntry } from '../manifest/manifestEntry.ts';
import type { VerdictReason } from '../rules/verdict.ts';
import type { ReturnSlipModel, SlipStation } from './documentModel.ts';
import { maskName } from './maskName.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';
import type { ModelOptions } from './relabelModel.ts';
import { returnReference } from './returnReference.ts';
import { weightTexts } from './slipQuantities.ts';
import { slipCommon } from './slipCommon.ts';

const EFFECT_ORDER: Readonly<Record<VerdictReason['effect'], number>> = { RETURN: 0, HOLD: 1, FLAG: 2 };

export function returnSlipModel(
  intake: IntakeView,
  manifest: ManifestEntry | null,
  station: SlipStation,
  now: number,
  options: ModelOptions = {},
): PrintOutcome<ReturnSlipModel> {
  const verdict = intake.verdict;
  if (verdict === null) {
    return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${intake.scan.tracking} has no verdict yet: decide it before printing a return slip.`);
  }
  if (verdict.decision === 'ACCEPT') {
    return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${intake.scan.tracking} was accepted: it needs its waybill label, not a return slip.`);
  }
  const m = intake.manifest;
  if (manifest !== null && m !== null && manifest.waybill !== m.waybill) {
    return printFail('DOCUMENT_UNAVAILABLE', `The manifest given (${manifest.waybill}) is not this parcel's (${m.waybill}).`);
  }
  const waybill = m?.waybill ?? manifest?.waybill ?? null;
  const reasons = [...verdict.reasons]
    .sort((a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect])
    .map((r) => ({ code: r.code, effect: r.effect, text: r.message }));
  const destination = m?.destination ?? manifest?.destination ?? null;
  const consignee = m?.consigneeName ?? manifest?.consigneeName ?? null;
  return printOk({
    document: 'return-slip',
    decision: verdict.decision,
    returnReference: returnReference(waybill, intake.scan.tracking),
    reasons,
    barcode: waybill !== null ? { label: 'Original waybill', data: waybill } : { label: intake.scan.carrier === null ? 'Inbound tracking' : `Inbound ${intake.scan.carrier} tracking`, data: intake.scan.tracking },
    waybill,
    tracking: intake.scan.tracking,
    carrier: intake.scan.carrier,
    shipper: manifest === null ? null : { name: manifest.shipperName, address: manifest.shipperAddress },
    consigneeMasked: consignee === null ? null : maskName(consignee),
    destination,
    destinationName: destination === null ? null : DESTINATION_NAMES[destination],
    customerReference: manifest?.reference ?? null,
    pieceIndex: m?.pieceIndex ?? manifest?.pieceIndex ?? null,
    pieceCount: m?.pieceCount ?? manifest?.pieceCount ?? null,
    weight: intake.weight === null ? null : weightTexts(intake.weight.mass, intake.weight.unit),
    holdLocation: intake.holdLocation,
    ...slipCommon(intake, station, now, options.copy),
  });
}
