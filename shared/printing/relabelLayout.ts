/**
 * The relabel on a 4×6 in label, top to bottom: carrier and station, destination and consignee (in Latin letters,
 * then in the destination's own script when the manifest has it: name, then address), the waybill as Code 128
 * with its text, piece count and weight, size, then station, date and a REPRINT marker.
 *
 * The consignee fields wrap and shrink to fit their boxes (layoutKit.fittedField); one that cannot fit even at
 * its smallest size says "see manifest" and is listed in the layout's `unfitted`, which the station logs.
 */
import type { RelabelModel } from './documentModel.ts';
import type { LabelLayout, LayoutItem } from './labelLayout.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT } from './labelLayout.ts';
import { CONTENT_WIDTH, MARGIN, barcode, caption, fittedField, reprintMarker, rule, solidBox, text, type FittedField } from './layoutKit.ts';

/** The consignee boxes (points): Latin name, native name, native address. */
export const CONSIGNEE_BOXES = {
  latinName: { x: MARGIN, y: 88, width: CONTENT_WIDTH, height: 13, maxSize: 12, minSize: 8 },
  nativeName: { x: MARGIN, y: 103, width: CONTENT_WIDTH, height: 22, maxSize: 18, minSize: 9, bold: true },
  nativeAddress: { x: MARGIN, y: 127, width: CONTENT_WIDTH, height: 26, maxSize: 10, minSize: 7 },
} as const;

function consigneeFields(m: RelabelModel): FittedField[] {
  const fields = [fittedField('Consignee', m.consigneeName, CONSIGNEE_BOXES.latinName)];
  const native = m.consigneeNative;
  if (native !== null) {
    fields.push(fittedField('Name in local script', native.name, { ...CONSIGNEE_BOXES.nativeName, script: native.script }));
    if (native.address !== null) fields.push(fittedField('Address in local script', native.address, { ...CONSIGNEE_BOXES.nativeAddress, script: native.script }));
  }
  return fields;
}

export function relabelLayout(m: RelabelModel): LabelLayout {
  const half = CONTENT_WIDTH / 2;
  const right = MARGIN + half + 8;
  const consignee = consigneeFields(m);
  const items: LayoutItem[] = [
    text(MARGIN, 14, 18, 'ECMS EXPRESS', { bold: true, width: 180 }),
    text(MARGIN, 34, 8, 'Waybill label', { width: 180 }),
    text(MARGIN + 180, 10, 30, m.warehouse, { bold: true, align: 'right', width: CONTENT_WIDTH - 180 }),
    rule(48, 2),

    caption(MARGIN, 54, 'Ship to'),
    text(MARGIN, 62, 24, `${m.destination}  ${m.destinationName}`, { bold: true }),
    ...consignee.flatMap((f) => f.items),
    rule(156),

    caption(MARGIN, 162, 'ECMS waybill'),
    barcode(172, 64, m.waybill),
    text(MARGIN, 240, 16, m.waybill, { bold: true, align: 'center', width: CONTENT_WIDTH }),
    rule(262),

    caption(MARGIN, 268, 'Piece'),
    text(MARGIN, 280, 26, `${m.pieceIndex} of ${m.pieceCount}`, { bold: true, width: half }),
    caption(right, 268, 'Weight'),
    text(right, 280, 20, m.weight.primary, { bold: true }),
    text(right, 302, 11, m.weight.secondary),
    caption(MARGIN, 318, 'Size'),
    text(MARGIN, 328, 12, m.size ?? 'not measured'),
    rule(348),

    text(MARGIN, 356, 10, `Station ${m.stationId}`),
    text(MARGIN, 370, 10, `Labelled ${m.printedAtText}`),
    text(MARGIN, 384, 10, `Operator ${m.operator}`),
  ];
  const marker = reprintMarker(m.copy, m.mark);
  if (marker !== null) {
    items.push(solidBox(LABEL_WIDTH_PT - MARGIN - 100, 396, 100, 22));
    items.push(text(LABEL_WIDTH_PT - MARGIN - 100, 401, 13, marker, { bold: true, align: 'center', width: 100, inverse: true }));
  }
  const unfitted = consignee.map((f) => f.unfitted).filter((w): w is string => w !== null);
  return { widthPt: LABEL_WIDTH_PT, heightPt: LABEL_HEIGHT_PT, title: `ECMS waybill label ${m.waybill}`, items, ...(unfitted.length > 0 ? { unfitted } : {}) };
}
