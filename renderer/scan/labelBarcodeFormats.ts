/**
 * The symbologies found on parcel labels (../shared/reference/barcodes.md §0, §3.3): the camera and image decoders look for these only,
 * which is faster and avoids @zxing/library's per-reader console warnings.
 *  - linear: Code 128 / GS1-128 (USPS IMpb, UPS 1Z, FedEx, SSCC, ECMS waybills), Code 39, ITF, EAN-13 / UPC-A;
 *  - matrix: Data Matrix, QR, PDF417 (carrier 2D codes, GS1 DataMatrix).
 */
import { BarcodeFormat } from '@zxing/library';

export const LINEAR_LABEL_FORMATS = ['CODE_128', 'CODE_39', 'ITF', 'EAN_13', 'UPC_A'] as const;
export const MATRIX_LABEL_FORMATS = ['DATA_MATRIX', 'QR_CODE', 'PDF_417'] as const;
export type LabelBarcodeFormat = (typeof LINEAR_LABEL_FORMATS)[number] | (typeof MATRIX_LABEL_FORMATS)[number];

export const ZXING_FORMAT: Readonly<Record<LabelBarcodeFormat, BarcodeFormat>> = {
  CODE_128: BarcodeFormat.CODE_128,
  CODE_39: BarcodeFormat.CODE_39,
  ITF: BarcodeFormat.ITF,
  EAN_13: BarcodeFormat.EAN_13,
  UPC_A: BarcodeFormat.UPC_A,
  DATA_MATRIX: BarcodeFormat.DATA_MATRIX,
  QR_CODE: BarcodeFormat.QR_CODE,
  PDF_417: BarcodeFormat.PDF_417,
};

export function labelFormatOf(format: BarcodeFormat): LabelBarcodeFormat | undefined {
  const entry = Object.entries(ZXING_FORMAT).find(([, f]) => f === format);
  return entry ? (entry[0] as LabelBarcodeFormat) : undefined;
}
