/**
 * The printer test label: proves the printer is reachable, the label size and darkness are right and a Code 128
 * prints scannably. Its barcode is "ECMSTEST" + the station's warehouse, e.g. ECMSTESTLAX.
 */
import type { SlipStation, TestLabelModel } from './documentModel.ts';
import { describeTarget, type PrinterTarget } from './printerSettings.ts';
import { formatSlipDateTime } from './slipDate.ts';

export function testLabelModel(target: PrinterTarget, station: SlipStation, operator: string, now: number): TestLabelModel {
  return {
    document: 'test',
    target: describeTarget(target),
    barcode: `ECMSTEST${station.warehouse}`,
    stationId: station.stationId,
    warehouse: station.warehouse,
    printedAt: now,
    printedAtText: formatSlipDateTime(now, station.warehouse),
    operator,
    copy: 1,
  };
}
