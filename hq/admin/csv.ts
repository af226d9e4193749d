/**
 * Reads an RFC 4180 CSV file with csv-parse: comma-separated, fields optionally in double quotes, "" for a quote
 * inside quotes, CRLF, LF or CR line ends (mixed too), an optional UTF-8 BOM, blank lines skipped. Returns rows of
 * fields with the 1-based line each row starts on. Malformed CSV (text after a closing quote, a stray quote, an
 * unclosed quote) is refused with an HqError naming the line, never read as something else.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { HqError } from '../hqError.ts';

export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

/** What each csv-parse error code means, in words a person fixing the file understands. */
const PROBLEM_OF: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'text follows a closing quote (write a quote inside a quoted field as "")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (put the whole field in quotes and double the quote)',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
};

/**
 * Line numbers by UTF-8 byte offset, counting CRLF, LF and CR each as one line end (csv-parse's own `lines` counts a
 * CRLF inside quotes twice, so rows are located from its byte offsets instead).
 */
function lineLocator(bytes: Uint8Array): (recordStart: number) => number {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    if (bytes[i] === 0x0a || bytes[i] === 0x0d) lineStarts.push(i + 1);
  }
  return (recordStart) => {
    let at = recordStart;
    while (bytes[at] === 0x0a || bytes[at] === 0x0d) at++; // blank lines before the record
    let lo = 0;
    let hi = lineStarts.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  };
}

export function parseCsv(text: string): CsvRow[] {
  const bytes = new TextEncoder().encode(text);
  const lineOf = lineLocator(bytes);
  // Where each record ends (UTF-8 bytes, terminator included), so the next one's starting line can be found.
  const recordEnds: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context) => {
        recordEnds.push(context.bytes);
        return record;
      },
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const problem = PROBLEM_OF[err.code] ?? 'the line is not valid CSV';
      const recordStart = typeof err['bytes'] === 'number' ? err['bytes'] : 0;
      throw new HqError('INVALID_REQUEST', `CSV line ${lineOf(recordStart)}: ${problem}`);
    }
    throw err;
  }
  // The first record starts at byte 0 (a BOM there is not a line end); each later one where the one before ended.
  return records.map((fields, i) => ({ line: lineOf(i === 0 ? 0 : (recordEnds[i - 1] ?? 0)), fields }));
}
