/**
 * One line of text as glyph outlines from a font (fontkit's layout: cmap, substitutions, advances, kerning), placed for a label:
 * points (or dots) with y downwards, origin at the line's top-left, baseline NATIVE_BASELINE_EM below the top.
 * A line whose advance is wider than the box is set smaller to fit it, never cut. Curves are kept for SVG and
 * flattened into polygons for the bitmap rasteriser.
 */
import type { Font } from '@pdf-lib/fontkit';
import { NATIVE_BASELINE_EM } from '../../../shared/printing/nativeText.ts';

interface PathCommand {
  readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  readonly args: readonly number[];
}

/** fontkit's Path keeps its commands in `commands` (not in its type declarations). */
function commandsOf(path: unknown): readonly PathCommand[] {
  const commands = (path as { commands?: unknown }).commands;
  return Array.isArray(commands) ? (commands as PathCommand[]) : [];
}

export type Point = readonly [number, number];

export interface PlacedLine {
  /** Scale from font units, after any shrinking. */
  readonly scale: number;
  readonly width: number;
  /** Each glyph's commands with its offset in font units. */
  readonly glyphs: ReadonlyArray<{ readonly x: number; readonly y: number; readonly commands: readonly PathCommand[] }>;
  readonly baseline: number;
}

export function placeLine(font: Font, text: string, size: number, maxWidth: number): PlacedLine {
  // fontkit's layout, as pdf-lib uses for the PDF (GSUB substitutions, GPOS kerning), so both set a line alike.
  const run = font.layout(text);
  const advance = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
  let scale = size / font.unitsPerEm;
  if (advance * scale > maxWidth && advance > 0) scale = maxWidth / advance;
  let pen = 0;
  const glyphs = run.glyphs.map((glyph, i) => {
    const p = run.positions[i] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
    const placed = { x: pen + p.xOffset, y: p.yOffset, commands: commandsOf(glyph.path) };
    pen += p.xAdvance;
    return placed;
  });
  return { scale, width: advance * scale, glyphs, baseline: NATIVE_BASELINE_EM * scale * font.unitsPerEm };
}

const f = (v: number): string => String(Math.round(v * 100) / 100);

/** SVG path data of the line (y down). */
export function svgPathData(line: PlacedLine): string {
  const parts: string[] = [];
  for (const g of line.glyphs) {
    const x = (v: number): string => f((g.x + v) * line.scale);
    const y = (v: number): string => f(line.baseline - (g.y + v) * line.scale);
    for (const c of g.commands) {
      const a = c.args;
      if (c.command === 'moveTo') parts.push(`M${x(a[0] ?? 0)} ${y(a[1] ?? 0)}`);
      else if (c.command === 'lineTo') parts.push(`L${x(a[0] ?? 0)} ${y(a[1] ?? 0)}`);
      else if (c.command === 'quadraticCurveTo') parts.push(`Q${x(a[0] ?? 0)} ${y(a[1] ?? 0)} ${x(a[2] ?? 0)} ${y(a[3] ?? 0)}`);
      else if (c.command === 'bezierCurveTo') parts.push(`C${x(a[0] ?? 0)} ${y(a[1] ?? 0)} ${x(a[2] ?? 0)} ${y(a[3] ?? 0)} ${x(a[4] ?? 0)} ${y(a[5] ?? 0)}`);
      else parts.push('Z');
    }
  }
  return parts.join('');
}

const CURVE_STEPS = 8;

/** The line's outlines as closed polygons (y down), curves cut into short straight edges. */
export function polygons(line: PlacedLine): Point[][] {
  const out: Point[][] = [];
  for (const g of line.glyphs) {
    const pt = (x: number, y: number): Point => [(g.x + x) * line.scale, line.baseline - (g.y + y) * line.scale];
    let contour: Point[] = [];
    let cx = 0;
    let cy = 0;
    const close = (): void => {
      if (contour.length > 2) out.push(contour);
      contour = [];
    };
    for (const c of g.commands) {
      const a = c.args.map((v) => v);
      if (c.command === 'moveTo') {
        close();
        [cx, cy] = [a[0] ?? 0, a[1] ?? 0];
        contour.push(pt(cx, cy));
      } else if (c.command === 'lineTo') {
        [cx, cy] = [a[0] ?? 0, a[1] ?? 0];
        contour.push(pt(cx, cy));
      } else if (c.command === 'quadraticCurveTo') {
        const [qx, qy, x, y] = [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0];
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          contour.push(pt(u * u * cx + 2 * u * t * qx + t * t * x, u * u * cy + 2 * u * t * qy + t * t * y));
        }
        [cx, cy] = [x, y];
      } else if (c.command === 'bezierCurveTo') {
        const [ax, ay, bx, by, x, y] = [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0];
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          contour.push(pt(u * u * u * cx + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x, u * u * u * cy + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y));
        }
        [cx, cy] = [x, y];
      } else close();
    }
    close();
  }
  return out;
}
