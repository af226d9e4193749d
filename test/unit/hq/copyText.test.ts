import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyField, copyLine, copyStatement } from '../../../hq/db/copyText.ts';

/** PostgreSQL's reading of one COPY text-format field (the escapes copyField writes, plus the general \x rule). */
function readField(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    out += next === 't' ? '\t' : next === 'n' ? '\n' : next === 'r' ? '\r' : (next ?? '');
  }
  return out;
}

describe('COPY text encoding', () => {
  it('any string survives a round trip, and no encoded field holds a raw tab, line break or lone backslash', () => {
    const special = fc.constantFrom('\\', '\t', '\n', '\r', '"', 'a', 'é', '\\N', '{"a":"b\\"c"}');
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(special).map((a) => a.join('')));
    fc.assert(
      fc.property(text, (s) => {
        const encoded = copyField(s);
        expect(encoded).not.toMatch(/[\t\n\r]/);
        expect(readField(encoded)).toBe(s);
      }),
    );
  });

  it('a line is its fields joined by tabs and ends with a line feed, so a row splits back into the same fields', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 8 }), (fields) => {
        const line = copyLine(fields);
        expect(line.endsWith('\n')).toBe(true);
        const back = line.slice(0, -1).split('\t').map(readField);
        expect(back).toEqual(fields.map(String));
      }),
    );
  });

  it('builds the statement only from plain identifiers', () => {
    expect(copyStatement('station_events', ['seq', 'payload'], 'STDIN')).toBe('COPY station_events (seq, payload) FROM STDIN');
    expect(copyStatement('t', ['a'], "'/dev/blob'")).toBe("COPY t (a) FROM '/dev/blob'");
    expect(() => copyStatement('t; DROP TABLE x', ['a'], 'STDIN')).toThrow(/identifier/);
    expect(() => copyStatement('t', ['a"b'], 'STDIN')).toThrow(/identifier/);
  });
});
