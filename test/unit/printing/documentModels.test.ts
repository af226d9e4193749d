import { describe, expect, it } from 'vitest';
import { maskName } from '../../../shared/printing/maskName.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnReference } from '../../../shared/printing/returnReference.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { formatSlipDateTime } from '../../../shared/printing/slipDate.ts';
import { massFromDecimal } from '../../../shared/units/mass.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from './support/parcels.ts';

describe('relabel model', () => {
  it('carries the waybill, destination, piece count, exact weight, size, station and local date', () => {
    const m = relabelModel(acceptedIntake(), STATION, NOW);
    expect(m.ok && m.value).toMatchObject({
      document: 'relabel', waybill: 'APELAX1040039963', destination: 'CN', destinationName: 'China', pieceIndex: 1, pieceCount: 2,
      weight: { primary: '3.20 lb', secondary: '1.45 kg' }, size: '12 x 10 x 8 in', stationId: 'LAX-DOCK-3', warehouse: 'LAX',
      printedAtText: '2026-11-21 06:04 PST', operator: 'maria', copy: 1,
    });
  });

  it('puts kilograms first for a parcel weighed in kilograms, never through floats', () => {
    const mass = massFromDecimal('1.455', 'kg')!;
    const m = relabelModel(acceptedIntake({ weight: { mass, unit: 'kg', source: 'manual', manualReason: 'scale down' } }), STATION, NOW);
    expect(m.ok && m.value.weight).toEqual({ primary: '1.46 kg', secondary: '3.21 lb' });
  });

  it('refuses a parcel with no pre-alert, no weight, or one being returned', () => {
    expect(relabelModel(acceptedIntake({ manifest: null }), STATION, NOW)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
    expect(relabelModel(acceptedIntake({ weight: null }), STATION, NOW)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
    expect(relabelModel(returnedIntake(), STATION, NOW)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
  });

  it('numbers copies', () => {
    const m = relabelModel(acceptedIntake(), STATION, NOW, { copy: 3 });
    expect(m.ok && m.value.copy).toBe(3);
  });
});

describe('return slip model', () => {
  it('lists the deciding reasons first, with the plain-language messages', () => {
    const m = returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.reasons.map((r) => r.code)).toEqual(['OVERWEIGHT', 'CONTENT_REVIEW']);
    expect(m.value.reasons[0]?.text).toBe('Weighs 45.20 lb; the limit is 44.00 lb.');
    expect(m.value).toMatchObject({
      decision: 'RETURN', returnReference: 'RTAPELAX1040039963', barcode: { label: 'Original waybill', data: 'APELAX1040039963' },
      shipper: { name: 'Sample Outlet LLC' }, consigneeMasked: 'W*** X*******', customerReference: '112-0000000-0000000',
      weight: { primary: '45.20 lb', secondary: '20.50 kg' }, operator: 'maria', stationId: 'LAX-DOCK-3',
    });
  });

  it('without a pre-alert: the inbound tracking is the barcode, the reference says so, the shipper is unknown', () => {
    const m = returnSlipModel(returnedIntake({ manifest: null }), null, STATION, NOW);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value).toMatchObject({
      returnReference: 'RTN1Z999AA10123456784', barcode: { label: 'Inbound UPS tracking', data: '1Z999AA10123456784' }, shipper: null, waybill: null,
    });
  });

  it('refuses an accepted or undecided parcel and a manifest of another parcel', () => {
    expect(returnSlipModel(acceptedIntake(), manifestEntry(), STATION, NOW)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
    expect(returnSlipModel(returnedIntake({ verdict: null }), null, STATION, NOW)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_UNAVAILABLE' } });
    expect(returnSlipModel(returnedIntake(), manifestEntry({ waybill: 'APELAX1049999999' }), STATION, NOW)).toMatchObject({ ok: false });
  });

  it('titles a held parcel as an exception slip', () => {
    const held = returnedIntake({ verdict: { decision: 'HOLD', reasons: [{ code: 'ID_MISSING', effect: 'HOLD', message: 'No consignee ID.' }], reprice: null } });
    const m = returnSlipModel(held, manifestEntry(), STATION, NOW);
    expect(m.ok && m.value.decision).toBe('HOLD');
  });
});

describe('slip helpers', () => {
  it('return references are deterministic and upper-case alphanumeric', () => {
    expect(returnReference('APELAX1040039963', 'X')).toBe('RTAPELAX1040039963');
    expect(returnReference(null, '1z999aa1-0123456784')).toBe('RTN1Z999AA10123456784');
    expect(returnReference('APECHI1120000457', '1Z')).toBe(returnReference('APECHI1120000457', 'other'));
  });

  it('masks names letter by letter', () => {
    expect(maskName('  Wang   Xiaoming ')).toBe('W*** X*******');
    expect(maskName('李小龙')).toBe('李**');
  });

  it('dates in the warehouse time zone, daylight saving included', () => {
    expect(formatSlipDateTime(Date.UTC(2026, 10, 21, 14, 4), 'LAX')).toBe('2026-11-21 06:04 PST');
    expect(formatSlipDateTime(Date.UTC(2026, 6, 1, 17, 30), 'LAX')).toBe('2026-07-01 10:30 PDT');
    expect(formatSlipDateTime(Date.UTC(2026, 10, 21, 5, 59), 'CHI')).toBe('2026-11-20 23:59 CST');
  });
});
