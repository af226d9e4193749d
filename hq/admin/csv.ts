/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, "" for a quote inside quotes,
 * CRLF or LF line ends, an optional UTF-8 BOM. Returns rows of fields with the 1-based line each row starts on.
 */
import { HqError } from '../hqError.ts';

export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.length > 0) throw new HqError('INVALID_REQUEST', `CSV line ${line}: a quote inside an unquoted field`);
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new HqError('INVALID_REQUEST', `CSV line ${rowLine}: a quoted field is not closed`);
  if (field.length > 0 || fields.length > 0 || fieldStarted) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}
