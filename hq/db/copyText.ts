/**
 * PostgreSQL COPY text format (one row a line, columns separated by a tab): the encoding of one field. A backslash,
 * tab, line feed or carriage return inside a value is escaped; nothing else needs to be; null is written \\N. Pure.
 */

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(value: string | number | null): string {
  if (value === null) return '\\N'; // COPY's NULL
  if (typeof value === 'number') return String(value);
  // Most values hold none of the four characters: test once, copy only when needed.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : value;
}

/** One COPY line (with its line feed) from the fields of a row, in column order. */
export function copyLine(fields: ReadonlyArray<string | number | null>): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f === undefined) continue;
    line += (i === 0 ? '' : '\t') + copyField(f);
  }
  return `${line}\n`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** `COPY table (columns) FROM <source>` for identifiers written in code (checked, never from a request). */
export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | "'/dev/blob'"): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}
