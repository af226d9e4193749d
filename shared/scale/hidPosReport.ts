/**
 * USB HID POS scale input report, usage page 0x8D (../shared/reference/hardware.md §2):
 *   [report id 3 (or 4)] status, unit, scaling (signed 8-bit power of ten), weight (unsigned 16-bit little-endian)
 * status 1 fault, 2 stable at zero, 3 in motion, 4 stable, 5 under zero, 6 over weight, 7 calibration needed,
 * 8 re-zero needed; unit 1 mg, 2 g, 3 kg, 11 oz, 12 lb (others are units the station does not weigh in).
 * Quirk kept on purpose: some scales report status 2 ("stable at zero") with a load on; such a report is a stable
 * reading of the weight it carries (status 'stable' when the weight is non-zero).
 * HID reports arrive whole (one read = one report), so the stream parser treats each chunk as one report.
 */
import { massFromSteps, type MassUnit } from '../units/mass.ts';
import { indicationEvent, readingEvent } from './scaleReadingFactory.ts';
import type { ScaleFrameParser, ScaleParseEvent } from './scaleParseEvent.ts';

export const HID_SCALE_USAGE_PAGE = 0x8d;
export const HID_SCALE_DATA_REPORT_IDS: readonly number[] = [3, 4];

export interface HidReportOptions {
  /** node-hid delivers the report id as byte 0; WebHID delivers it separately. */
  readonly includesReportId: boolean;
}

const UNITS: Readonly<Record<number, { unit: MassUnit; shift: number }>> = {
  1: { unit: 'g', shift: -3 },
  2: { unit: 'g', shift: 0 },
  3: { unit: 'kg', shift: 0 },
  11: { unit: 'oz', shift: 0 },
  12: { unit: 'lb', shift: 0 },
};
/** Units defined by the HID POS tables but not weighed in here: carat, tael, grain, pennyweight, tons, troy ounce. */
const KNOWN_OTHER_UNITS = new Set([0, 4, 5, 6, 7, 8, 9, 10]);

export function parseHidScaleReport(report: Uint8Array, at: number, options: HidReportOptions = { includesReportId: true }): ScaleParseEvent {
  const offset = options.includesReportId ? 1 : 0;
  const byteCount = report.length;
  if (report.length < offset + 5) return { type: 'rejected', code: 'truncated', byteCount };
  if (options.includesReportId && !HID_SCALE_DATA_REPORT_IDS.includes(report[0] ?? -1)) return { type: 'rejected', code: 'malformed', byteCount };
  const status = report[offset] ?? 0;
  const unitCode = report[offset + 1] ?? 0;
  const rawScaling = report[offset + 2] ?? 0;
  const scaling = rawScaling > 127 ? rawScaling - 256 : rawScaling;
  const raw = (report[offset + 3] ?? 0) | ((report[offset + 4] ?? 0) << 8);

  switch (status) {
    case 1:
    case 7:
      return indicationEvent('fault', at);
    case 5:
      // The weight field is unsigned, so the amount below zero is unknown: no value.
      return indicationEvent('underZero', at);
    case 6:
      return indicationEvent('overload', at);
    case 8:
      return indicationEvent('notReady', at);
    case 2:
    case 3:
    case 4:
      break;
    default:
      return { type: 'rejected', code: 'badStatus', byteCount };
  }
  const unit = UNITS[unitCode];
  if (unit === undefined) return { type: 'rejected', code: KNOWN_OTHER_UNITS.has(unitCode) ? 'unsupportedUnit' : 'badStatus', byteCount };
  if (scaling < -9 || scaling > 9) return { type: 'rejected', code: 'unrepresentable', byteCount };
  const value = massFromSteps(raw, scaling + unit.shift, unit.unit);
  const resolution = massFromSteps(1, scaling + unit.shift, unit.unit);
  if (value === null || resolution === null) return { type: 'rejected', code: 'unrepresentable', byteCount };
  return readingEvent({
    value,
    unit: unit.unit,
    resolution,
    status: status === 3 ? 'motion' : value === 0 ? 'zero' : 'stable',
    mode: 'gross',
    at,
  });
}

/** Stream-parser wrapper: each pushed chunk is one whole report. */
export function createHidPosParser(options: HidReportOptions = { includesReportId: true }): ScaleFrameParser {
  return {
    protocol: 'hid-pos',
    push: (chunk, at) => [parseHidScaleReport(chunk, at, options)],
    flush: () => [],
  };
}
