/**
 * The station's scan port over the pure classifier in shared/barcode.
 */
import { classifyScan } from '../../shared/barcode/classifyScan.ts';
import { SCAN_REASON_TEXT } from '../../shared/barcode/scanReasonText.ts';
import type { ScanClassifier } from './stationPorts.ts';

export function stationClassifier(extraWaybillPatterns: readonly RegExp[] = []): ScanClassifier {
  return (raw) => {
    const c = classifyScan(raw, { extraWaybillPatterns });
    return {
      kind: c.kind,
      carrier: c.carrier,
      tracking: c.tracking,
      alternatives: c.alternatives ?? [],
      valid: c.valid,
      checkDigitFailed: c.reason === 'CHECK_DIGIT_MISMATCH',
      reason: c.reason === undefined ? undefined : SCAN_REASON_TEXT[c.reason],
    };
  };
}
