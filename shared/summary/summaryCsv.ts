/**
 * The day summary as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed), one row per figure:
 * section, item, value. The screen offers it as a download; the same figures as the page's table.
 */
import type { DaySummary } from '../contract/summary.ts';
import { CURRENCY_MINOR_DIGITS } from '../rules/money.ts';
import { formatScaled } from '../units/decimal.ts';

/** A field quoted when it holds a comma, quote or line break; text starting =, +, - or @ (not a number) gets a leading ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function summaryRows(summary: DaySummary): Array<[string, string, string | number]> {
  const rows: Array<[string, string, string | number]> = [
    ['day', 'date', summary.date],
    ['day', 'warehouse', summary.warehouse],
    ['day', 'time zone', summary.timeZone],
    ['totals', 'parcels', summary.parcels],
    ['totals', 'cancelled', summary.cancelled],
    ['totals', 'typed weights', summary.typedWeights],
    ['totals', 'damaged', summary.damaged],
  ];
  for (const h of summary.hours) rows.push(['parcels per hour', h.label, h.count]);
  for (const [k, v] of Object.entries(summary.verdicts)) rows.push(['verdicts', k, v]);
  for (const r of summary.holdsByReason) rows.push(['open holds by reason', r.code, r.count]);
  for (const b of summary.holdsByAge) rows.push(['open holds by age', b.label, b.count]);
  for (const r of summary.returnsByReason) rows.push(['returns by reason', r.code, r.count]);
  for (const w of summary.weights) rows.push(['weights', w.label, w.count]);
  for (const p of summary.repricing) {
    rows.push(['repricing total', `${p.destination} ${p.currency}`, formatSigned(p.deltaMinor, CURRENCY_MINOR_DIGITS[p.currency])]);
    rows.push(['repricing parcels', `${p.destination} ${p.currency}`, p.parcels]);
  }
  for (const o of summary.operators) {
    rows.push(['operator parcels', o.operator, o.parcels]);
    rows.push(['operator accepts', o.operator, o.ACCEPT]);
    rows.push(['operator holds', o.operator, o.HOLD]);
    rows.push(['operator returns', o.operator, o.RETURN]);
    rows.push(['operator typed weights', o.operator, o.typedWeights]);
  }
  return rows;
}

function formatSigned(minor: number, digits: number): string {
  return formatScaled(BigInt(minor), digits);
}

export function summaryCsv(summary: DaySummary): string {
  return [['section', 'item', 'value'], ...summaryRows(summary)].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function summaryCsvFileName(summary: DaySummary): string {
  return `summary-${summary.warehouse}-${summary.date}.csv`;
}
