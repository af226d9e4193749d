/**
 * SQL for the lead's day summary: the intakes created in a span (by the created_at index) and the open holds'
 * reasons and ages. Rows are validated here: a verdict that does not parse is an error, not a missing figure.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { prepared } from '../statementCache.ts';
import { VerdictSchema } from '../../../shared/rules/verdict.ts';
import { REASON_CODES } from '../../../shared/rules/reasonCodes.ts';
import type { SummaryHold, SummaryIntake } from '../../../shared/summary/daySummary.ts';

interface SummaryIntakeRow {
  intake_id: string;
  state: string;
  mass_q: number | null;
  mass_source: string | null;
  damaged: number;
  destination: string | null;
  verdict_json: string | null;
  operator: string;
  created_at: number;
}

export class SummaryRowCorrupt extends Error {
  readonly code = 'SUMMARY_ROW_CORRUPT';
  constructor(what: string, id: string, detail: string) {
    super(`${what} ${id} has unreadable data: ${detail}`);
    this.name = 'SummaryRowCorrupt';
  }
}

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string, id: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new SummaryRowCorrupt(what, id, 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SummaryRowCorrupt(what, id, parsed.error.issues[0]?.message ?? 'schema');
  return parsed.data;
}

/** Every intake created in [start, end), cancelled ones included (the summary counts them apart). */
export function intakesCreatedBetween(db: Database, start: number, end: number): SummaryIntake[] {
  const rows = prepared(
    db,
    `SELECT intake_id, state, mass_q, mass_source, damaged, destination, verdict_json, operator, created_at
       FROM intakes WHERE created_at >= ? AND created_at < ? ORDER BY created_at`,
  ).all(start, end) as SummaryIntakeRow[];
  return rows.map((r) => ({
    createdAt: r.created_at,
    cancelled: r.state === 'cancelled',
    mass: r.mass_q,
    typedWeight: r.mass_source === 'manual',
    damaged: r.damaged === 1,
    destination: r.destination,
    verdict: r.verdict_json === null ? null : parseJson(VerdictSchema, r.verdict_json, 'intake', r.intake_id),
    operator: r.operator,
  }));
}

const HoldReasonsSchema = z.array(z.object({ code: z.enum(REASON_CODES) }).passthrough());

/** The holds on the shelf now, with their reasons and when they were put there. */
export function openHoldsForSummary(db: Database): SummaryHold[] {
  const rows = prepared(db, "SELECT hold_id, reasons_json, held_at FROM holds WHERE state = 'held' ORDER BY held_at").all() as Array<{
    hold_id: string; reasons_json: string; held_at: number;
  }>;
  return rows.map((r) => ({ heldAt: r.held_at, reasons: parseJson(HoldReasonsSchema, r.reasons_json, 'hold', r.hold_id) }));
}
