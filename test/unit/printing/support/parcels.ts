/**
 * Test parcels (SAMPLE data, not real customers): an accepted two-piece parcel to China and a returned overweight
 * one, as IntakeView + ManifestEntry, plus the station they were taken at.
 */
import type { IntakeView } from '../../../../shared/contract/intakeView.ts';
import type { ManifestEntry } from '../../../../shared/manifest/manifestEntry.ts';
import type { SlipStation } from '../../../../shared/printing/documentModel.ts';
import { massFromDecimal } from '../../../../shared/units/mass.ts';
import { lengthFromDecimal } from '../../../../shared/units/length.ts';

export const STATION: SlipStation = { stationId: 'LAX-DOCK-3', warehouse: 'LAX' };
/** 2026-11-21 14:04 UTC = 06:04 PST. */
export const NOW = Date.UTC(2026, 10, 21, 14, 4, 0);

const mass = (text: string, unit: 'lb' | 'kg'): number => massFromDecimal(text, unit) ?? Number.NaN;
const inches = (text: string): number => lengthFromDecimal(text, 'in') ?? Number.NaN;

export function manifestEntry(overrides: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    waybill: 'APELAX1040039963',
    inboundTracking: ['1Z999AA10123456784'],
    warehouse: 'LAX',
    destination: 'CN',
    declaredMass: mass('3.1', 'lb'),
    pieceIndex: 1,
    pieceCount: 2,
    consigneeName: 'Wang Xiaoming',
    consigneeIdStatus: 'received',
    dutiesStatus: 'not_required',
    shipperName: 'Sample Outlet LLC',
    shipperAddress: '1200 Example Ave, Suite 4, Torrance, CA 90501, USA',
    reference: '112-0000000-0000000',
    items: [{ description: 'cotton t-shirt', quantity: 2, valueMinor: 1500, currency: 'USD' }],
    estimateMinor: 2150,
    currency: 'USD',
    ...overrides,
  };
}

export function acceptedIntake(overrides: Partial<IntakeView> = {}): IntakeView {
  const m = manifestEntry();
  return {
    intakeId: '6f1c7c1e-1d1a-4c57-8a3e-3f1f4a2b9c01',
    state: 'decided',
    scan: { raw: '1Z999AA10123456784', kind: 'ups', carrier: 'UPS', tracking: '1Z999AA10123456784' },
    repeatScan: false,
    manifest: {
      waybill: m.waybill, destination: m.destination, consigneeName: m.consigneeName, pieceIndex: 1, pieceCount: 2,
      declaredMass: m.declaredMass, estimateMinor: m.estimateMinor, currency: 'USD', consigneeIdStatus: 'received', dutiesStatus: 'not_required',
    },
    weight: { mass: mass('3.2', 'lb'), unit: 'lb', source: 'scale', manualReason: null },
    dims: { length: inches('12'), width: inches('10'), height: inches('8'), unit: 'in' },
    damaged: false,
    verdict: { decision: 'ACCEPT', reasons: [], reprice: null },
    holdLocation: null,
    operator: 'maria',
    createdAt: NOW - 60_000,
    updatedAt: NOW,
    ...overrides,
  };
}

export function returnedIntake(overrides: Partial<IntakeView> = {}): IntakeView {
  return acceptedIntake({
    intakeId: '6f1c7c1e-1d1a-4c57-8a3e-3f1f4a2b9c02',
    weight: { mass: mass('45.2', 'lb'), unit: 'lb', source: 'scale', manualReason: null },
    verdict: {
      decision: 'RETURN',
      reasons: [
        { code: 'CONTENT_REVIEW', effect: 'FLAG', message: 'Item 1 "cotton t-shirt" was checked by a supervisor.' },
        { code: 'OVERWEIGHT', effect: 'RETURN', message: 'Weighs 45.20 lb; the limit is 44.00 lb.' },
      ],
      reprice: null,
    },
    ...overrides,
  });
}
