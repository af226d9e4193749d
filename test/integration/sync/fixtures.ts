/** Manifest entries, rate cards and pushed events for sync and HQ tests. */
import { randomUUID } from 'node:crypto';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';
import type { Warehouse } from '../../../shared/manifest/destinations.ts';
import type { ReferenceDoc } from '../../../shared/sync/referenceDoc.ts';

const LB = 7_257_477_920_000;

export function makeManifest(i: number, warehouse: Warehouse, overrides: Partial<ManifestEntry> = {}): ManifestEntry {
  const wh = warehouse === 'LAX' ? 'APELAX' : 'APECHI';
  return {
    waybill: `${wh}${String(1_000_000_000 + i)}`,
    inboundTracking: [`1Z999AA1${String(i).padStart(8, '0')}`, `TBA${String(i).padStart(9, '0')}`],
    warehouse,
    destination: i % 3 === 0 ? 'KR' : 'CN',
    declaredMass: 3 * LB,
    pieceIndex: 1,
    pieceCount: 1,
    consigneeName: `Consignee ${i}`,
    consigneeIdStatus: 'missing',
    dutiesStatus: 'unpaid',
    shipperName: 'Amazon.com Services',
    shipperAddress: '1 Example Way, Seattle WA',
    reference: `111-${i}`,
    items: [{ description: 'Vitamin gummies', hsCode: '2106', quantity: 2, valueMinor: 1999, currency: 'USD' }],
    estimateMinor: 2540,
    currency: 'USD',
    ...overrides,
  };
}

export function makeRateCardDoc(docId: string, version: string): ReferenceDoc {
  return {
    kind: 'rateCard',
    docId,
    version,
    body: {
      cardId: docId,
      name: `Test card ${docId}`,
      version,
      destination: 'CN',
      effectiveFrom: '2026-01-01T00:00:00Z',
      currency: 'USD',
      weightUnit: 'lb',
      rounding: { increment: '1', grace: '0', minimum: '1' },
      dimWeight: null,
      tariff: { kind: 'firstAdditional', firstWeight: '1', firstMinor: 1000, step: '1', additionalMinor: 500 },
      fuelPercent: '0',
    },
  };
}

export function makeProhibitedDoc(docId: string, version: string): ReferenceDoc {
  return {
    kind: 'prohibitedRules',
    docId,
    version,
    body: { ruleSetId: docId, version, appliesTo: 'ALL', rules: [{ id: 'lithium', severity: 'PROHIBITED', category: 'a lithium battery', keywords: ['lithium battery'] }] },
  };
}

export function wireEvent(seq: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    seq,
    eventId: randomUUID(),
    commandId: randomUUID(),
    intakeId: randomUUID(),
    type: 'intake.scanned',
    capturedAt: 1_760_000_000_000 + seq,
    payload: { n: seq },
    ...overrides,
  };
}
