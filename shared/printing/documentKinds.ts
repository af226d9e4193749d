/**
 * The documents a station prints and the formats it renders them in.
 *   relabel      the ECMS waybill label, 4×6 in (accepted parcels, re-weighed/re-priced parcels)
 *   return-slip  the return / exception slip for a parcel that goes back to the shipper (or is held)
 *   test         a printer test label (setup and support); sent straight to a printer, never queued
 * Formats: ZPL for thermal printers, EPL2 for the older Zebra LP/TLP 2844 family (203 dpi), PDF for CUPS, HTML for
 * Electron's silent print and the browser's print dialog (both print a web page, not a file).
 */
export const DOCUMENT_KINDS = ['relabel', 'return-slip'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];


export const PRINT_FORMATS = ['zpl', 'epl', 'pdf', 'html'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

/** Thermal printer resolutions the ZPL renderer supports (dots per inch). */
export const ZPL_DPIS = [203, 300] as const;
export type ZplDpi = (typeof ZPL_DPIS)[number];

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind | 'test', string>> = {
  relabel: 'Relabel (ECMS waybill label)',
  'return-slip': 'Return slip',
  test: 'Test label',
};
