/**
 * The printer test label: a frame at the label's edge (shows offset and size), a Code 128 to scan, and what was
 * sent where and when.
 */
import type { TestLabelModel } from './documentModel.ts';
import type { LabelLayout } from './labelLayout.ts';
import { LABEL_HEIGHT_PT, LABEL_WIDTH_PT } from './labelLayout.ts';
import { CONTENT_WIDTH, MARGIN, barcode, caption, text } from './layoutKit.ts';

export function testLabelLayout(m: TestLabelModel): LabelLayout {
  return {
    widthPt: LABEL_WIDTH_PT,
    heightPt: LABEL_HEIGHT_PT,
    title: `ECMS printer test ${m.stationId}`,
    items: [
      { kind: 'box', x: 6, y: 6, width: LABEL_WIDTH_PT - 12, height: LABEL_HEIGHT_PT - 12, thickness: 2 },
      text(MARGIN, 24, 22, 'ECMS INTAKE', { bold: true, align: 'center', width: CONTENT_WIDTH }),
      text(MARGIN, 52, 16, 'Printer test label', { align: 'center', width: CONTENT_WIDTH }),
      caption(MARGIN, 96, 'Scan this barcode'),
      barcode(108, 84, m.barcode),
      text(MARGIN, 198, 14, m.barcode, { bold: true, align: 'center', width: CONTENT_WIDTH }),
      caption(MARGIN, 240, 'Printer'),
      text(MARGIN, 250, 10, m.target, { width: CONTENT_WIDTH }),
      caption(MARGIN, 272, 'Station'),
      text(MARGIN, 282, 10, `${m.stationId} (${m.warehouse})`, { width: CONTENT_WIDTH }),
      caption(MARGIN, 304, 'Sent'),
      text(MARGIN, 314, 10, `${m.printedAtText} by ${m.operator}`, { width: CONTENT_WIDTH }),
      text(MARGIN, 360, 9, 'The frame should sit just inside the label edge;', { width: CONTENT_WIDTH }),
      text(MARGIN, 372, 9, 'the barcode should scan as the text under it.', { width: CONTENT_WIDTH }),
    ],
  };
}
