/**
 * The relabel on a 4×6 in label, top to bottom: carrier and station, destination and consignee, the waybill as
 * Code 128 with its text, piece count and weight, size, then station, date and a REPRINT marker.
 */
import type { RelabelModel } from './documentModel.ts';
import type { LabelLayout, LayoutItem } from './labelLayout.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT } from './labelLayout.ts';
import { CONTENT_WIDTH, MARGIN, barcode, caption, reprintMarker, rule, solidBox, text } from './layoutKit.ts';

export function relabelLayout(m: RelabelModel): LabelLayout {
  const half = CONTENT_WIDTH / 2;
  const right = MARGIN + half + 8;
  const items: LayoutItem[] = [
    text(MARGIN, 14, 18, 'ECMS EXPRESS', { bold: true, width: 180 }),
    text(MARGIN, 34, 8, 'Waybill label', { width: 180 }),
    text(MARGIN + 180, 10, 30, m.warehouse, { bold: true, align: 'right', width: CONTENT_WIDTH - 180 }),
    rule(48, 2),

    caption(MARGIN, 56, 'Ship to'),
    text(MARGIN, 66, 30, `${m.destination}  ${m.destinationName}`, { bold: true }),
    text(MARGIN, 100, 12, m.consigneeName),
    rule(120),

    caption(MARGIN, 128, 'ECMS waybill'),
    barcode(140, 84, m.waybill),
    text(MARGIN, 230, 16, m.waybill, { bold: true, align: 'center', width: CONTENT_WIDTH }),
    rule(254),

    caption(MARGIN, 262, 'Piece'),
    text(MARGIN, 274, 30, `${m.pieceIndex} of ${m.pieceCount}`, { bold: true, width: half }),
    caption(right, 262, 'Weight'),
    text(right, 274, 20, m.weight.primary, { bold: true }),
    text(right, 298, 11, m.weight.secondary),
    caption(MARGIN, 318, 'Size'),
    text(MARGIN, 328, 12, m.size ?? 'not measured'),
    rule(348),

    text(MARGIN, 356, 10, `Station ${m.stationId}`),
    text(MARGIN, 370, 10, `Labelled ${m.printedAtText}`),
    text(MARGIN, 384, 10, `Operator ${m.operator}`),
  ];
  const marker = reprintMarker(m.copy);
  if (marker !== null) {
    items.push(solidBox(LABEL_WIDTH_PT - MARGIN - 100, 396, 100, 22));
    items.push(text(LABEL_WIDTH_PT - MARGIN - 100, 401, 13, marker, { bold: true, align: 'center', width: 100, inverse: true }));
  }
  return { widthPt: LABEL_WIDTH_PT, heightPt: LABEL_HEIGHT_PT, title: `ECMS waybill label ${m.waybill}`, items };
}
