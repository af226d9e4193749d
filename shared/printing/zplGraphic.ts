/**
 * A 1-bit bitmap as a ZPL II graphic field: ^GFA,b,c,d,data with b = c = total bytes, d = bytes per row, data in
 * ASCII hex, one row after another (ZPL II Programming Guide, ^GF). Every Zebra prints it without a downloaded font.
 * Rows are written whole (no ZPL run-length compression), so the field's size is 2 × rowBytes × height characters.
 */
import type { MonoBitmap } from './nativeText.ts';

const HEX = '0123456789ABCDEF';

export function zplGraphicField(bitmap: MonoBitmap): string {
  const total = bitmap.rowBytes * bitmap.height;
  let data = '';
  for (let i = 0; i < total; i++) {
    const b = bitmap.bits[i] ?? 0;
    data += (HEX[b >> 4] ?? '0') + (HEX[b & 15] ?? '0');
  }
  return `^GFA,${total},${total},${bitmap.rowBytes},${data}`;
}
