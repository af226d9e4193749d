/**
 * The document model for one intake, with the full manifest entry looked up (the shipper and the consignee's
 * name and address in their own script are only there), and the short subject the queue shows for it.
 */
import type { Database } from 'better-sqlite3';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import type { DocumentKind } from '../../shared/printing/documentKinds.ts';
import type { DocumentModel, SlipStation } from '../../shared/printing/documentModel.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { relabelModel } from '../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../shared/printing/returnSlipModel.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { getManifest } from '../db/queries/manifests.ts';

function manifestOf(db: Database, waybill: string): PrintOutcome<ManifestEntry | null> {
  try {
    return printOk(getManifest(db, waybill));
  } catch (error) {
    return printFail('DOCUMENT_UNAVAILABLE', error instanceof Error ? error.message : String(error));
  }
}

export function documentModelFor(db: Database, intake: IntakeView, document: DocumentKind, station: SlipStation, now: number, copy: number): PrintOutcome<DocumentModel> {
  const manifest = intake.manifest === null ? printOk(null) : manifestOf(db, intake.manifest.waybill);
  if (!manifest.ok) return manifest;
  if (document === 'relabel') return relabelModel(intake, station, now, { copy, native: manifest.value?.consigneeNative ?? null });
  return returnSlipModel(intake, manifest.value, station, now, { copy });
}

export function subjectOf(model: DocumentModel): string {
  switch (model.document) {
    case 'relabel':
      return model.waybill;
    case 'return-slip':
      return model.returnReference;
    case 'test':
      return model.barcode;
  }
}
