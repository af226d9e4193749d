/**
 * Polygons (y down, in pixels) to a 1-bit bitmap by scanline fill with the non-zero winding rule (TrueType's
 * and CFF's fill rule): a pixel is black when its centre lies inside. Pure arithmetic, no canvas or browser.
 */
import type { MonoBitmap } from '../../../shared/printing/nativeText.ts';
import type { Point } from './glyphOutline.ts';

export function fillPolygons(polys: readonly (readonly Point[])[], width: number, height: number): MonoBitmap {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const rowBytes = Math.ceil(w / 8);
  const bits = new Uint8Array(rowBytes * h);
  const crossings: Array<[number, number]> = [];
  for (let row = 0; row < h; row++) {
    const sy = row + 0.5;
    crossings.length = 0;
    for (const poly of polys) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i] as Point;
        const b = poly[(i + 1) % poly.length] as Point;
        if (a[1] === b[1]) continue;
        const up = a[1] < b[1];
        const [lo, hi] = up ? [a, b] : [b, a];
        if (sy < lo[1] || sy >= hi[1]) continue;
        const x = lo[0] + ((sy - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]);
        crossings.push([x, up ? 1 : -1]);
      }
    }
    crossings.sort((p, q) => p[0] - q[0]);
    let winding = 0;
    let start = 0;
    for (const [x, dir] of crossings) {
      const was = winding;
      winding += dir;
      if (was === 0 && winding !== 0) start = x;
      else if (was !== 0 && winding === 0) {
        const from = Math.max(0, Math.ceil(start - 0.5));
        const to = Math.min(w - 1, Math.ceil(x - 0.5) - 1);
        for (let px = from; px <= to; px++) {
          const at = row * rowBytes + (px >> 3);
          bits[at] = (bits[at] ?? 0) | (0x80 >> (px & 7));
        }
      }
    }
  }
  return { width: w, height: h, rowBytes, bits };
}
