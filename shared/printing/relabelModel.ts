/**
 * The relabel (ECMS waybill label) for one intake: waybill, destination, piece count, measured weight, size,
 * station, date, and the consignee in the destination's own script when the manifest has it. Needs the parcel's
 * pre-alert (the waybill) and a weight; a parcel being returned gets a return slip instead.
 */
import type { IntakeView } from '../contract/intakeView.ts';
import { DESTINATION_NAMES } from '../manifest/destinations.ts';
import type { NativeConsignee } from '../manifest/manifestEntry.ts';
import { nativeScriptOf } from '../manifest/nativeScript.ts';
import type { RelabelModel, SlipStation } from './documentModel.ts';
import { printFail, printOk, type PrintOutcome } from './printErrors.ts';
import { weightTexts } from './slipQuantities.ts';
import { slipCommon } from './slipCommon.ts';

export interface ModelOptions {
  /** 1 for the first print of the document, 2 for the first reprint, … (default 1). */
  readonly copy?: number;
}

export interface RelabelOptions extends ModelOptions {
  /** The consignee in the destination's script, from the full manifest entry (IntakeView does not carry it). */
  readonly native?: NativeConsignee | null;
}

function nativeOf(destination: Parameters<typeof nativeScriptOf>[0], native: NativeConsignee | null | undefined): RelabelModel['consigneeNative'] {
  const script = nativeScriptOf(destination);
  if (script === null || native === null || native === undefined) return null;
  return { script, name: native.name, address: native.address ?? null };
}

export function relabelModel(intake: IntakeView, station: SlipStation, now: number, options: RelabelOptions = {}): PrintOutcome<RelabelModel> {
  const m = intake.manifest;
  if (m === null) {
    return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${intake.scan.tracking} has no ECMS pre-alert, so there is no waybill to print. Hold it and ask HQ for the pre-alert.`);
  }
  if (intake.weight === null) {
    return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${m.waybill} has not been weighed: weigh it before printing its label.`);
  }
  if (intake.verdict?.decision === 'RETURN') {
    return printFail('DOCUMENT_UNAVAILABLE', `Parcel ${m.waybill} is being returned: print its return slip, not a waybill label.`);
  }
  return printOk({
    document: 'relabel',
    waybill: m.waybill,
    destination: m.destination,
    destinationName: DESTINATION_NAMES[m.destination],
    consigneeName: m.consigneeName,
    consigneeNative: nativeOf(m.destination, options.native),
    pieceIndex: m.pieceIndex,
    pieceCount: m.pieceCount,
    weight: weightTexts(intake.weight.mass, intake.weight.unit),
    ...slipCommon(intake, station, now, options.copy),
  });
}
