import type { IntakeView } from '../contract/intakeView.ts';
import type { SlipStation } from './documentModel.ts';
import { formatSlipDateTime } from './slipDate.ts';
import { sizeText } from './slipQuantities.ts';

/** The fields every printed document carries: size, station, when and by whom, and which copy it is. */
export function slipCommon(intake: IntakeView, station: SlipStation, now: number, copy: number | undefined) {
  return {
    size: intake.dims === null ? null : sizeText(intake.dims),
    stationId: station.stationId,
    warehouse: station.warehouse,
    printedAt: now,
    printedAtText: formatSlipDateTime(now, station.warehouse),
    operator: intake.operator,
    copy: copy ?? 1,
  };
}
