/**
 * The return slip on a 4×6 in page, top to bottom: a black title bar (RETURN TO SENDER, or HOLD for an exception
 * slip), the return reference, every reason in words, the original waybill (or inbound tracking) as Code 128, the
 * shipper it goes back to, parcel facts, then station, date, operator and a REPRINT marker.
 */
import type { ReturnSlipModel } from './documentModel.ts';
import type { LabelLayout, LayoutItem } from './labelLayout.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT } from './labelLayout.ts';
import { CONTENT_WIDTH, MARGIN, barcode, caption, reprintMarker, rule, solidBox, text } from './layoutKit.ts';
import { wrap } from './textFit.ts';

const REASON_TOP = 96;
const REASON_BOTTOM = 200;
const REASON_SIZE = 8.5;
const REASON_LINE = 10.5;

function reasonLines(m: ReturnSlipModel): string[] {
  const room = Math.floor((REASON_BOTTOM - REASON_TOP) / REASON_LINE);
  const lines: string[] = [];
  for (let i = 0; i < m.reasons.length; i++) {
    const r = m.reasons[i];
    if (r === undefined) continue;
    const left = m.reasons.length - i - 1;
    const space = room - lines.length - (left > 0 ? 1 : 0);
    if (space <= 0) {
      lines.push(`+ ${m.reasons.length - i} more reason(s): see the parcel's history at the station`);
      break;
    }
    const wrapped = wrap(`${r.code}: ${r.text}`, CONTENT_WIDTH, REASON_SIZE, false, Math.min(space, 3));
    lines.push(...wrapped);
  }
  return lines.slice(0, room);
}

export function returnSlipLayout(m: ReturnSlipModel): LabelLayout {
  const title = m.decision === 'RETURN' ? 'RETURN TO SENDER' : 'HOLD - EXCEPTION';
  const facts = [
    m.consigneeMasked === null ? null : `Consignee ${m.consigneeMasked}`,
    m.destination === null ? null : `to ${m.destination} ${m.destinationName ?? ''}`.trim(),
  ].filter((s): s is string => s !== null).join(', ');
  const parcel = [
    m.customerReference === null ? null : `Ref ${m.customerReference}`,
    m.pieceIndex === null || m.pieceCount === null ? null : `Piece ${m.pieceIndex} of ${m.pieceCount}`,
    m.holdLocation === null ? null : `Shelf ${m.holdLocation}`,
  ].filter((s): s is string => s !== null).join(' | ');
  const measures = [
    m.weight === null ? 'Not weighed' : `${m.weight.primary} (${m.weight.secondary})`,
    m.size === null ? 'size not measured' : m.size,
  ].join(' | ');

  const items: LayoutItem[] = [
    solidBox(MARGIN, 12, CONTENT_WIDTH, 32),
    text(MARGIN, 18, 20, title, { bold: true, align: 'center', width: CONTENT_WIDTH, inverse: true }),
    caption(MARGIN, 50, 'Return reference'),
    text(MARGIN, 60, 17, m.returnReference, { bold: true }),
    caption(MARGIN, 84, 'Why'),
    ...reasonLines(m).map((line, i) => text(MARGIN, REASON_TOP + i * REASON_LINE, REASON_SIZE, line)),
    rule(202),

    caption(MARGIN, 208, m.barcode.label),
    barcode(218, 58, m.barcode.data),
    text(MARGIN, 280, 12, m.barcode.data, { bold: true, align: 'center', width: CONTENT_WIDTH }),
    rule(298),

    caption(MARGIN, 304, 'Return to (shipper)'),
    ...(m.shipper === null
      ? [text(MARGIN, 314, 10, 'Shipper not known: no ECMS pre-alert.', { bold: true }), text(MARGIN, 327, 9, 'Ask a supervisor before sending it back.')]
      : [
          text(MARGIN, 314, 10, m.shipper.name, { bold: true }),
          ...wrap(m.shipper.address, CONTENT_WIDTH, 9, false, 2).map((line, i) => text(MARGIN, 327 + i * 11, 9, line)),
        ]),
    text(MARGIN, 352, 8.5, facts.length > 0 ? facts : 'No pre-alert for this parcel'),
    text(MARGIN, 363, 8.5, parcel.length > 0 ? parcel : `Tracking ${m.tracking}`),
    text(MARGIN, 374, 8.5, measures),
    rule(388),

    text(MARGIN, 394, 9, `Station ${m.stationId} | ${m.printedAtText}`, { width: CONTENT_WIDTH }),
    text(MARGIN, 406, 9, `Operator ${m.operator}`, { width: 150 }),
  ];
  const marker = reprintMarker(m.copy, m.mark);
  if (marker !== null) {
    items.push(solidBox(LABEL_WIDTH_PT - MARGIN - 96, 404, 96, 18));
    items.push(text(LABEL_WIDTH_PT - MARGIN - 96, 408, 11, marker, { bold: true, align: 'center', width: 96, inverse: true }));
  }
  return { widthPt: LABEL_WIDTH_PT, heightPt: LABEL_HEIGHT_PT, title: `ECMS return slip ${m.returnReference}`, items };
}
