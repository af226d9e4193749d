/**
 * Tracking-number vectors: ../shared/reference/barcodes.md §7.1 / §7.2 (ids as in the reference), test numbers of
 * jkeen/tracking_number_data (TND, MIT) and our own. Shared by the table test and the property tests.
 */
import type { ScanFormat, ScanKind } from '../../../shared/barcode/scanClassification.ts';

export interface TrackingVector {
  readonly id: string;
  readonly input: string;
  readonly kind: ScanKind;
  readonly format?: ScanFormat;
  readonly valid: boolean;
  /** Expected normalised tracking number (defaults to the input without spaces when valid). */
  readonly tracking?: string;
  readonly source: string;
}

const GS = '\u001d';

export const REFERENCE_VECTORS: readonly TrackingVector[] = [
  { id: '1', input: '9400111206206406260787', kind: 'usps_impb', format: 'usps_impb_22', valid: true, source: 'TND' },
  { id: '2', input: '9400111206206406260788', kind: 'usps_impb', format: 'usps_impb_22', valid: false, source: 'changed' },
  { id: '7', input: '9212391234567812345670', kind: 'usps_impb', format: 'usps_impb_22', valid: true, source: 'Pub 199 worked example' },
  { id: '8', input: '9212391234567812345671', kind: 'usps_impb', format: 'usps_impb_22', valid: false, source: 'changed' },
  { id: '13', input: '92748931507708513018050063', kind: 'usps_impb', format: 'usps_impb_26', valid: true, source: 'TND' },
  { id: '25', input: '1Z879E930346834440', kind: 'ups_1z', valid: true, source: 'TND' },
  { id: '26', input: '1Z879E930346834441', kind: 'ups_1z', valid: false, source: 'changed' },
  { id: '30', input: '1Z999AA10123456784', kind: 'ups_1z', valid: true, source: 'public sample' },
  { id: '33', input: '986578788855', kind: 'fedex', format: 'fedex_express_12', valid: true, source: 'TND' },
  { id: '34', input: '996578788855', kind: 'fedex', format: 'fedex_express_12', valid: false, source: 'TND invalid' },
  { id: '40', input: '041441760228964', kind: 'fedex', format: 'fedex_ground_15', valid: true, source: 'TND' },
  { id: '42', input: '568283610012732', kind: 'fedex', format: 'fedex_ground_15', valid: false, source: 'TND invalid' },
  { id: '45', input: '000123450000000027', kind: 'sscc18', valid: true, source: 'FedEx Ground spec example' },
  { id: '46', input: '000123450000000028', kind: 'sscc18', valid: false, source: 'changed' },
  { id: '49', input: 'RB123456785GB', kind: 'upu_s10', valid: true, source: 'TND' },
  { id: '51', input: 'RB123456786US', kind: 'upu_s10', valid: false, source: 'TND invalid' },
  { id: '55', input: 'TBA000000000000', kind: 'amazon_logistics', valid: true, source: 'TND' },
  { id: '57', input: 'TBB000000000000', kind: 'amazon_logistics', valid: false, source: 'TND invalid' },
  { id: '59', input: '3318810025', kind: 'dhl_express', valid: true, source: 'TND' },
  { id: '61', input: '3318810034', kind: 'dhl_express', valid: false, source: 'TND invalid' },
  { id: 'S1', input: `]C142078745${GS}9400111206206406260787`, kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'reference §7.2' },
  { id: 'S4', input: '420787459400111206206406260787', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'reference §7.2' },
  { id: 'S5', input: ']C142078745', kind: 'routing_only', valid: false, source: 'reference §7.2' },
];

/** Other test numbers of jkeen/tracking_number_data (spaces as in the data file). */
export const TND_VECTORS: readonly TrackingVector[] = [
  { id: 'usps-91-zip', input: '420 22153 9101026837331000039521', kind: 'usps_impb', valid: true, tracking: '9101026837331000039521', source: 'TND usps 91' },
  { id: 'usps-95', input: '9505 5110 6960 5048 6006 24', kind: 'usps_impb', valid: true, source: 'TND usps 91' },
  { id: 'usps-91', input: '9101 1234 5678 9000 0000 13', kind: 'usps_impb', valid: true, source: 'TND usps 91' },
  { id: 'usps-94', input: '9400 1112 0108 0805 4830 16', kind: 'usps_impb', valid: true, source: 'TND usps 91' },
  { id: 'usps-93', input: ' 9 3 6 1   2 8 9 8   7 8 7 0   0 3 1 7   6 3 3 7   9 5 ', kind: 'usps_impb', valid: true, source: 'TND usps 91' },
  { id: 'usps-94b', input: '9405803699300124287899', kind: 'usps_impb', valid: true, source: 'TND usps 91' },
  { id: 'usps-zeros', input: '9200000000000000000000', kind: 'usps_impb', valid: false, source: 'TND usps 91 invalid' },
  { id: 'usps-34-a', input: '4201002334249200190132607600833457', kind: 'usps_impb', valid: true, tracking: '9200190132607600833457', source: 'TND usps 34v2' },
  { id: 'usps-34-b', input: '4201028200009261290113185417468510', kind: 'usps_impb', valid: true, tracking: '9261290113185417468510', source: 'TND usps 34v2' },
  { id: 'usps-34-bad', input: '4201028200009261290113185417468511', kind: 'usps_impb', valid: false, source: 'TND usps 34v2 invalid' },
  { id: 'usps-20-a', input: '0307 1790 0005 2348 3741', kind: 'usps_impb', format: 'usps_legacy_20', valid: true, source: 'TND usps 20' },
  { id: 'usps-20-b', input: '7112 3456 7891 2345 6787', kind: 'usps_impb', format: 'usps_legacy_20', valid: true, source: 'TND usps 20' },
  { id: 'usps-20-bad', input: '0307 1790 0005 2348 3742', kind: 'usps_impb', format: 'usps_legacy_20', valid: false, source: 'TND usps 20 invalid' },
  { id: 'usps-20-91', input: '7196 9010 7560 0307 7385', kind: 'usps_impb', format: 'usps_legacy_20', valid: true, source: 'TND usps 91 (prefix 91)' },
  { id: 'usps-20-92', input: '61299998820821171811', kind: 'usps_impb', format: 'usps_legacy_20', valid: false, source: 'TND usps 91 invalid (former SmartPost with implicit 92: not accepted)' },
  { id: 'smartpost-22', input: '9261292700768711948021', kind: 'usps_impb', format: 'usps_impb_22', valid: true, source: 'TND former SmartPost, now USPS IMpb' },
  { id: 'smartpost-22-bad', input: '9261292700768711948020', kind: 'usps_impb', format: 'usps_impb_22', valid: false, source: 'TND invalid' },
  { id: 'fedex-12-b', input: '477179081230', kind: 'fedex', format: 'fedex_express_12', valid: true, source: 'TND' },
  { id: 'fedex-12-c', input: '799531274483', kind: 'fedex', format: 'fedex_express_12', valid: true, source: 'TND' },
  { id: 'fedex-12-d', input: ' 7 9 0 5 3 5 3 1 2 3 1 7 ', kind: 'fedex', format: 'fedex_express_12', valid: true, source: 'TND' },
  { id: 'fedex-12-e', input: '974367662710', kind: 'fedex', format: 'fedex_express_12', valid: true, source: 'TND' },
  { id: 'fedex-15-b', input: '5682 8361 0012 000', kind: 'fedex', format: 'fedex_ground_15', valid: true, source: 'TND' },
  { id: 'fedex-15-c', input: '5682 8361 0012 734', kind: 'fedex', format: 'fedex_ground_15', valid: true, source: 'TND' },
  { id: 'fedex-96', input: '9611020987654312345672', kind: 'fedex', format: 'fedex_ground_96_22', valid: true, tracking: '987654312345672', source: 'TND' },
  { id: 'fedex-96-bad', input: '9600000000000000000001', kind: 'fedex', format: 'fedex_ground_96_22', valid: false, source: 'TND invalid' },
  { id: 'fedex-34-a', input: '1001921334250001000300779017972697', kind: 'fedex', format: 'fedex_express_34', valid: true, tracking: '779017972697', source: 'TND' },
  { id: 'fedex-34-b', input: '1001921380360001000300639585804382', kind: 'fedex', format: 'fedex_express_34', valid: true, tracking: '639585804382', source: 'TND' },
  { id: 'fedex-34-c', input: '1002297871540001000300790695517286', kind: 'fedex', format: 'fedex_express_34', valid: true, tracking: '790695517286', source: 'TND' },
  { id: 'fedex-34-bad', input: '1001901781990001000300617767839438', kind: 'fedex', format: 'fedex_express_34', valid: false, source: 'TND invalid' },
  { id: 'fedex-gsn-a', input: '9622001900000000000000776632517510', kind: 'fedex', format: 'fedex_ground_gsn_34', valid: true, tracking: '776632517510', source: 'TND' },
  { id: 'fedex-gsn-b', input: '9632001560123456789900794808390594', kind: 'fedex', format: 'fedex_ground_gsn_34', valid: true, tracking: '794808390594', source: 'TND' },
  { id: 'fedex-gsn-bad', input: '9622001560001234567100794808390595', kind: 'fedex', format: 'fedex_ground_gsn_34', valid: false, source: 'TND invalid' },
  { id: 'sscc-spaced', input: '00 0123 4500 0000 0027', kind: 'sscc18', valid: true, tracking: '000123450000000027', source: 'TND (00 + SSCC, FNC1 lost)' },
  { id: 'sscc-bad', input: '000000000000000001', kind: 'sscc18', valid: false, source: 'TND invalid' },
  { id: 's10-us', input: 'RB123456785US', kind: 'upu_s10', valid: true, source: 'TND' },
  { id: 's10-cv', input: ' R B 1 2 3 4 5 6 7 8 5 C F ', kind: 'upu_s10', valid: true, source: 'TND' },
  { id: 's10-xx', input: 'RB123456785XX', kind: 'upu_s10', valid: false, source: 'TND invalid (unknown country)' },
  { id: 'amazon-b', input: 'TBA502887274000', kind: 'amazon_logistics', valid: true, source: 'TND' },
  { id: 'amazon-c', input: ' T B A 0 0 0 0 0 0 0 0 0 0 0 0 ', kind: 'amazon_logistics', valid: true, source: 'TND' },
  { id: 'amazon-letter', input: 'TBA50288727400A', kind: 'unknown', valid: false, source: 'TND invalid' },
  { id: 'dhl-11', input: '73891051146', kind: 'dhl_express', valid: true, source: 'TND' },
  { id: 'dhl-b', input: '8487135506', kind: 'dhl_express', valid: true, source: 'TND' },
  { id: 'dhl-c', input: '3318810036', kind: 'dhl_express', valid: true, source: 'TND' },
  { id: 'dhl-bad', input: '3318810010', kind: 'dhl_express', valid: false, source: 'TND invalid' },
  { id: 'dhl-piece', input: 'JJD0099999999', kind: 'dhl_express', format: 'dhl_express_piece_id', valid: true, source: 'TND' },
  { id: 'dhl-piece-b', input: 'JVGL0999999990', kind: 'dhl_express', format: 'dhl_express_piece_id', valid: true, source: 'TND' },
  { id: 'dhl-piece-bad', input: 'XJD0099999998', kind: 'unknown', valid: false, source: 'TND invalid' },
  { id: 'dhl-ecom', input: 'GM2951173225174494', kind: 'dhl_ecommerce', valid: true, source: 'TND' },
  { id: 'dhl-ecom-spaced', input: 'GM 2 9 5 117 32 25 1 7 44 9 4', kind: 'dhl_ecommerce', valid: true, tracking: 'GM2951173225174494', source: 'TND' },
  { id: 'dhl-ecom-bad', input: 'GS295117494011169041', kind: 'unknown', valid: false, source: 'TND invalid' },
];

/** Our own: ECMS waybills, raw-scan forms (AIM ids, HRI, lost separators, decoder output, wedge/serial suffixes). */
export const OWN_VECTORS: readonly TrackingVector[] = [
  { id: 'ecms-lax', input: 'APELAX1040039963', kind: 'ecms_waybill', valid: true, source: 'domain.md §1.2' },
  { id: 'ecms-chi', input: 'APECHI1120000457', kind: 'ecms_waybill', valid: true, source: 'domain.md §7.2' },
  { id: 'ecms-lower', input: 'apelax1040039963', kind: 'ecms_waybill', valid: true, tracking: 'APELAX1040039963', source: 'own' },
  { id: 'ecms-aim', input: ']C0APELAX1040039963', kind: 'ecms_waybill', valid: true, tracking: 'APELAX1040039963', source: 'own (Code 128 with AIM id)' },
  { id: 'ecms-short', input: 'APELAX104003996', kind: 'ecms_waybill', valid: false, source: 'own (partial read)' },
  { id: 'ecms-other-station', input: 'APESFO1040039963', kind: 'unknown', valid: false, source: 'own' },
  { id: 'ups-aim', input: ']C01Z879E930346834440', kind: 'ups_1z', valid: true, tracking: '1Z879E930346834440', source: 'own (UPS decodes ]C0)' },
  { id: 'ups-short', input: '1Z879E93034683444', kind: 'ups_1z', valid: false, source: 'own (partial read)' },
  { id: 'usps-crlf', input: '9400111206206406260787\r\n', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (serial suffix)' },
  { id: 'usps-hri', input: '(420)78745(94)00111206206406260787', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (zxing-wasm HRI text)' },
  { id: 'usps-zxing-dm', input: `${GS}42078745${GS}9400111206206406260787`, kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (@zxing GS1 DataMatrix: leading GS)' },
  { id: 'usps-aim-no-gs', input: ']C1420787459400111206206406260787', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (AIM id, separator lost)' },
  { id: 'usps-zip9', input: `]C1420787451234${GS}9400111206206406260787`, kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (ZIP+4)' },
  { id: 'usps-zip9-lost', input: '4207874512349400111206206406260787', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own (ZIP+4, separator lost)' },
  { id: 'usps-gs1-bad', input: `]C142078745${GS}9400111206206406260788`, kind: 'usps_impb', valid: false, source: 'own' },
  { id: 'usps-pic-only-gs1', input: ']C19400111206206406260787', kind: 'usps_impb', valid: true, tracking: '9400111206206406260787', source: 'own' },
  { id: 'routing-bare', input: '42078745', kind: 'routing_only', valid: false, source: 'own (no AIM id)' },
  { id: 'routing-zip9', input: `]C1420787451234`, kind: 'routing_only', valid: false, source: 'own' },
  { id: 'routing-hri', input: '(420)78745', kind: 'routing_only', valid: false, source: 'own' },
  { id: 'sscc-aim', input: ']C100000123450000000027', kind: 'sscc18', valid: true, tracking: '000123450000000027', source: 'own (GS1-128 SSCC)' },
  { id: 'sscc-aim-bad', input: ']C100000123450000000028', kind: 'sscc18', valid: false, source: 'own' },
  { id: 'sscc-hri', input: '(00)000123450000000027', kind: 'sscc18', valid: true, tracking: '000123450000000027', source: 'own' },
  { id: 'maxicode-15434', input: '[)>\u001e01\u001d96841706672\u001d840\u001d001\u001d1Z12345675\u001dUPSN\u001d\u0004', kind: 'unknown', valid: false, source: 'own (ISO 15434 envelope)' },
  { id: 'empty', input: '', kind: 'unknown', valid: false, source: 'own' },
  { id: 'whitespace', input: ' \r\n', kind: 'unknown', valid: false, source: 'own' },
  { id: 'aim-only', input: ']C1', kind: 'unknown', valid: false, source: 'own' },
  { id: 'text', input: 'hello', kind: 'unknown', valid: false, source: 'own' },
  { id: 'gtin', input: ']C10112345678901231', kind: 'unknown', valid: false, source: 'own (GS1 GTIN: not a parcel id)' },
  { id: 'upc-a', input: ']E0036000291452', kind: 'unknown', valid: false, source: 'own (UPC-A product code with AIM id, not FedEx 12)' },
];
