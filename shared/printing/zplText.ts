/**
 * Field data for ZPL text fields, sent with ^FH (hex escapes) under ^CI28 (UTF-8): "_", "^", "~" and "\" and
 * control characters become _xx escapes so no text can end a field or start a command; every other character is
 * sent as UTF-8. (Font 0 has Latin glyphs only: Chinese, Japanese or Korean text needs a TrueType font loaded on
 * the printer and assigned with ^CW.)
 */
export function zplFieldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '_' || ch === '^' || ch === '~' || ch === '\\' || c < 0x20 || c === 0x7f) {
      out += `_${c.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}
