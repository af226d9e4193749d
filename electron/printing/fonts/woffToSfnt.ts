/**
 * A WOFF 1.0 font file unpacked to the plain OpenType (sfnt) font it wraps: each table inflated (zlib) and laid
 * out again behind a standard table directory (W3C WOFF 1.0 §4–§5), with every glyph padded to 4 bytes and a long
 * 'loca' table. The padding matters: fontkit's subsetter (the one pdf-lib uses) copies glyphs back to back and
 * writes a short 'loca' (offsets / 2), so a glyph of odd length corrupts every glyph after it in the subset
 * (the Noto Sans CJK files have many). Table checksums are left as they were: no consumer here checks them.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

interface TableEntry {
  readonly tag: number;
  readonly checksum: number;
  readonly data: Buffer;
}

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.length < 44 || src.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data });
  }
  padGlyphs(tables);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + numTables * 16;
  const total = tables.reduce((sum, t) => sum + ((t.data.length + 3) & ~3), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const tagOf = (name: string): number => Buffer.from(name, 'latin1').readUInt32BE(0);

/** Rewrites 'glyf' with each glyph padded to a multiple of 4 bytes, 'loca' in the long format, and head to match. */
function padGlyphs(tables: TableEntry[]): void {
  const find = (name: string): number => tables.findIndex((t) => t.tag === tagOf(name));
  const [head, maxp, loca, glyf] = [find('head'), find('maxp'), find('loca'), find('glyf')];
  if (head < 0 || maxp < 0 || loca < 0 || glyf < 0) return; // not a TrueType-outline font: nothing to pad
  const headData = Buffer.from((tables[head] as TableEntry).data);
  const numGlyphs = (tables[maxp] as TableEntry).data.readUInt16BE(4);
  const long = headData.readInt16BE(50) === 1;
  const locaData = (tables[loca] as TableEntry).data;
  const glyfData = (tables[glyf] as TableEntry).data;
  const offset = (i: number): number => (long ? locaData.readUInt32BE(i * 4) : locaData.readUInt16BE(i * 2) * 2);
  const pieces: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let at = 0;
  for (let i = 0; i < numGlyphs; i++) {
    newLoca.writeUInt32BE(at, i * 4);
    const glyph = glyfData.subarray(offset(i), offset(i + 1));
    const padded = Buffer.alloc((glyph.length + 3) & ~3);
    glyph.copy(padded);
    pieces.push(padded);
    at += padded.length;
  }
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  headData.writeInt16BE(1, 50);
  tables[head] = { ...(tables[head] as TableEntry), data: headData };
  tables[loca] = { ...(tables[loca] as TableEntry), data: newLoca };
  tables[glyf] = { ...(tables[glyf] as TableEntry), data: Buffer.concat(pieces) };
}
