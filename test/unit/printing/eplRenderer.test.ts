/**
 * EPL2 for LP/TLP 2844 printers. No EPL2 renderer exists to run offline, so the labels are NOT rendered: the
 * command stream is parsed against the EPL2 Programmer's Manual's grammar (every command, every parameter in its
 * range, every field on the 4×6 in label, GW data exactly p3 × p4 bytes), and the Code 128 each B command asks for
 * is drawn by the manual's rule (bwip-js, at the command's narrow-bar width) and read back with zxing, with its
 * quiet zones on the label.
 */
import bwipjs from 'bwip-js';
import { describe, expect, it } from 'vitest';
import { nativeTextArt } from '../../../electron/printing/fonts/nativeTextArt.ts';
import { CODE128_QUIET_ZONE_MODULES } from '../../../shared/printing/code128.ts';
import type { DocumentModel } from '../../../shared/printing/documentModel.ts';
import { EPL_FONTS, renderEpl } from '../../../shared/printing/eplRenderer.ts';
import { layoutDocument } from '../../../shared/printing/layoutDocument.ts';
import { relabelModel } from '../../../shared/printing/relabelModel.ts';
import { returnSlipModel } from '../../../shared/printing/returnSlipModel.ts';
import { NOW, STATION, acceptedIntake, manifestEntry, returnedIntake } from './support/parcels.ts';
import { decodeCode128 } from './support/rasterise.ts';

function must<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}

interface Command {
  readonly line: string;
  readonly data?: Uint8Array;
}

/** Splits the stream into command lines (CR LF ended); a GW line is followed by its p3 × p4 raw bytes. */
function commands(bytes: Uint8Array): Command[] {
  const out: Command[] = [];
  let at = 0;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  while (at < bytes.length) {
    const gw = ascii(at, at + 2) === 'GW';
    if (gw) {
      let end = at;
      let commas = 0;
      while (commas < 4) if (bytes[end++] === 0x2c) commas++;
      const line = ascii(at, end - 1);
      const [, , b, l] = line.slice(2).split(',').map(Number);
      const n = (b ?? 0) * (l ?? 0);
      out.push({ line, data: bytes.subarray(end, end + n) });
      expect(ascii(end + n, end + n + 2)).toBe('\r\n');
      at = end + n + 2;
      continue;
    }
    let end = at;
    while (end < bytes.length && !(bytes[end] === 0x0d && bytes[end + 1] === 0x0a)) end++;
    out.push({ line: ascii(at, end) });
    at = end + 2;
  }
  return out;
}

const W = 812;
const H = 1218;
const GRAMMAR = {
  blank: /^$/,
  N: /^N$/,
  q: /^q(\d+)$/,
  Q: /^Q(\d+),(\d+)$/,
  A: /^A(\d+),(\d+),0,([1-5]),([1-6]),([1-9]),([NR]),"((?:[^"\\]|\\["\\])*)"$/,
  LO: /^LO(\d+),(\d+),(\d+),(\d+)$/,
  X: /^X(\d+),(\d+),(\d+),(\d+),(\d+)$/,
  B: /^B(\d+),(\d+),0,1,([2-4]),([2-4]),(\d+),N,"((?:[^"\\]|\\["\\])*)"$/,
  GW: /^GW(\d+),(\d+),(\d+),(\d+)$/,
  P: /^P1$/,
} as const;

function checkGrammar(stream: Command[]): { barcodes: Array<{ x: number; y: number; narrow: number; height: number; data: string }>; graphics: number } {
  expect(stream.slice(0, 4).map((c) => c.line)).toEqual(['', 'N', `q${W}`, `Q${H},24`]);
  expect(stream.at(-1)?.line).toBe('P1');
  const barcodes: Array<{ x: number; y: number; narrow: number; height: number; data: string }> = [];
  let graphics = 0;
  for (const { line, data } of stream) {
    const kind = (Object.keys(GRAMMAR) as Array<keyof typeof GRAMMAR>).find((k) => GRAMMAR[k].test(line));
    expect(kind, `not EPL2: ${JSON.stringify(line)}`).toBeDefined();
    const m = kind === undefined ? null : GRAMMAR[kind].exec(line);
    const n = (i: number) => Number(m?.[i]);
    if (kind === 'A') {
      const font = EPL_FONTS[n(3) as 1 | 2 | 3 | 4 | 5];
      const text = (m?.[7] ?? '').replace(/\\(["\\])/g, '$1');
      expect(n(1) + font.cell * n(4) * text.length, line).toBeLessThanOrEqual(W);
      expect(n(2) + font.height * n(5), line).toBeLessThanOrEqual(H);
    } else if (kind === 'LO') {
      expect(n(1) + n(3)).toBeLessThanOrEqual(W);
      expect(n(2) + n(4)).toBeLessThanOrEqual(H);
    } else if (kind === 'X') {
      expect(n(4)).toBeLessThanOrEqual(W);
      expect(n(5)).toBeLessThanOrEqual(H);
    } else if (kind === 'GW') {
      expect(data?.length).toBe(n(3) * n(4));
      expect(n(1) + n(3) * 8).toBeLessThanOrEqual(W + 7);
      expect(n(2) + n(4)).toBeLessThanOrEqual(H);
      // Black (0) dots are there: the line is drawn, not blank.
      expect(data?.some((b) => b !== 0xff)).toBe(true);
      graphics++;
    } else if (kind === 'B') {
      expect(n(3)).toBe(n(4));
      barcodes.push({ x: n(1), y: n(2), narrow: n(3), height: n(5), data: m?.[6] ?? '' });
    }
  }
  return { barcodes, graphics };
}

/** The B command's symbol drawn by the manual's rule on a blank label, and read back. */
function drawAndRead(code: { x: number; y: number; narrow: number; height: number; data: string }): { read: string | null; left: number; right: number } {
  const first = bwipjs.raw('code128', code.data, {})[0];
  if (first === undefined || !('sbs' in first)) throw new Error('no bars');
  const image = { width: W, height: H, data: new Uint8ClampedArray(W * H).fill(255) };
  let x = code.x;
  first.sbs.forEach((w, i) => {
    if (i % 2 === 0) for (let y = code.y; y < code.y + code.height; y++) for (let dx = 0; dx < w * code.narrow; dx++) image.data[y * W + x + dx] = 0;
    x += w * code.narrow;
  });
  return { read: decodeCode128(image), left: code.x, right: W - x };
}

const cases: Array<[string, () => DocumentModel, string, number]> = [
  ['relabel, China, name and address in Chinese', () => must(relabelModel(acceptedIntake(), STATION, NOW, { native: { name: '王芳', address: '北京市朝阳区建国路88号院3号楼1单元1201室' } })), 'APELAX1040039963', 2],
  ['relabel, Latin only', () => must(relabelModel(acceptedIntake(), STATION, NOW)), 'APELAX1040039963', 0],
  ['relabel reprint', () => must(relabelModel(acceptedIntake(), STATION, NOW, { copy: 2 })), 'APELAX1040039963', 0],
  ['return slip', () => must(returnSlipModel(returnedIntake(), manifestEntry(), STATION, NOW)), 'APELAX1040039963', 0],
  ['return slip without pre-alert', () => must(returnSlipModel(returnedIntake({ manifest: null }), null, STATION, NOW)), '1Z999AA10123456784', 0],
];

describe('EPL2 relabel and return slip (checked against the manual, not rendered)', () => {
  it.each(cases)('%s', (_name, make, barcode, nativeLines) => {
    const epl = must(renderEpl(must(layoutDocument(make())), nativeTextArt));
    expect(epl.replaced).toEqual([]);
    const { barcodes, graphics } = checkGrammar(commands(epl.bytes));
    expect(graphics).toBe(nativeLines);
    expect(barcodes).toHaveLength(1);
    for (const code of barcodes) {
      expect(code.data).toBe(barcode);
      const drawn = drawAndRead(code);
      expect(drawn.read).toBe(barcode);
      expect(drawn.left).toBeGreaterThanOrEqual(CODE128_QUIET_ZONE_MODULES * code.narrow);
      expect(drawn.right).toBeGreaterThanOrEqual(CODE128_QUIET_ZONE_MODULES * code.narrow);
    }
  });

  it('prints "?" for characters its fonts lack and says which; escapes quotes and backslashes', () => {
    const intake = acceptedIntake({ manifest: { ...acceptedIntake().manifest!, consigneeName: 'Zoë "Q" \\ Wang' } });
    const epl = must(renderEpl(must(layoutDocument(must(relabelModel(intake, STATION, NOW)))), nativeTextArt));
    expect(epl.replaced).toEqual(['ë']);
    const lines = commands(epl.bytes).map((c) => c.line);
    expect(lines.some((l) => l.endsWith(',"Zo? \\"Q\\" \\\\ Wang"'))).toBe(true);
    checkGrammar(commands(epl.bytes));
  });
});
