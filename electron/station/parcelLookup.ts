/**
 * Parcel lookup and history (issue 12 item 2) over the station database: the search box (a number or part of a
 * name), the lists by day / verdict / reason / operator, and a parcel's page with its event trail, sync state and
 * documents. Read-only; corrections are IntakeService.correct. The SQL is in electron/db/queries/intakeSearch.ts.
 */
import type { Database } from 'better-sqlite3';
import type { ParsedRequest } from '../../shared/contract/commands.ts';
import {
  NAME_SEARCH_MIN_LENGTH, type LookupMatch, type LookupPage, type LookupRow, type ParcelHistory, type TrailEntry,
} from '../../shared/contract/lookup.ts';
import { REASON_CODES, type ReasonCode } from '../../shared/rules/reasonCodes.ts';
import type { Decision } from '../../shared/rules/verdict.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { nextIntakeState } from '../../shared/intake/intakeMachine.ts';
import { intakeTrail, listIntakes, searchIntakes, type ListFilters, type NumberSearch, type SearchRow } from '../db/queries/intakeSearch.ts';
import { getIntakeRow, toIntakeView } from '../db/queries/intakes.ts';
import { StationError } from './stationError.ts';
import type { ScanClassifier } from './stationPorts.ts';
import { trailOperator, trailWords } from './trailWords.ts';
import { warehouseDayRange } from './warehouseDay.ts';

/**
 * What the search box's text asks for: every kind of number at once (as typed, and as the station's classifier reads
 * it, so a scanned label finds its parcel as at the bench), and a name when it is long enough.
 */
export function numberSearchOf(text: string, classify: ScanClassifier): NumberSearch {
  const code = text.toUpperCase().replace(/\s+/g, '');
  const name = text.replace(/[%_]/g, '').trim();
  const read = classify(text);
  return {
    code,
    scanned: read.kind !== 'unknown' && read.tracking.length > 0 ? read.tracking : code,
    returnWaybill: code.startsWith('RT') && code.length > 2 ? code.slice(2) : null,
    returnTracking: code.startsWith('RTN') && code.length > 3 ? code.slice(3) : null,
    namePattern: name.length >= NAME_SEARCH_MIN_LENGTH ? `%${name}%` : null,
  };
}

const isReason = (code: unknown): code is ReasonCode => typeof code === 'string' && (REASON_CODES as readonly string[]).includes(code);

function reasonsOf(verdictJson: string | null): ReasonCode[] {
  if (verdictJson === null) return [];
  const parsed = JSON.parse(verdictJson) as { reasons?: Array<{ code?: unknown }> };
  return (parsed.reasons ?? []).map((r) => r.code).filter(isReason);
}

function toLookupRow(row: SearchRow): LookupRow {
  return {
    intakeId: row.intake_id, state: row.state as LookupRow['state'], tracking: row.tracking, waybill: row.waybill,
    consigneeName: row.consignee_name, decision: row.decision as Decision | null, reasons: reasonsOf(row.verdict_json),
    holdLocation: row.hold_location, operator: row.operator, createdAt: row.created_at, matchedBy: row.matched as LookupMatch | null,
  };
}

export function searchParcels(db: Database, req: ParsedRequest<'lookup.search'>, warehouse: Warehouse, classify: ScanClassifier): LookupPage {
  const text = req.text?.trim() ?? '';
  const fetch = req.limit + 1;
  let rows: SearchRow[];
  let note: string | null = null;
  if (text.length > 0) {
    const search = numberSearchOf(text, classify);
    if (search.namePattern === null) note = `Names are searched from ${NAME_SEARCH_MIN_LENGTH} letters: type more of the name to find it by name.`;
    rows = searchIntakes(db, search, req.after, fetch);
  } else {
    const filters: { -readonly [K in keyof ListFilters]: ListFilters[K] } = {};
    if (req.day !== undefined) {
      const range = warehouseDayRange(req.day, warehouse);
      if (range === null) throw new StationError('INVALID_REQUEST', `${req.day} is not a day on the calendar: pick the day again.`, 'day');
      Object.assign(filters, range);
    }
    if (req.decision !== undefined) filters.decision = req.decision;
    if (req.reason !== undefined) filters.reason = req.reason;
    if (req.operator !== undefined) filters.operator = req.operator;
    rows = listIntakes(db, filters, req.after, fetch);
  }
  const page = rows.slice(0, req.limit).map(toLookupRow);
  const last = page.at(-1);
  return { rows: page, next: rows.length > req.limit && last ? { createdAt: last.createdAt, intakeId: last.intakeId } : null, note };
}

const SYNC_OF = { pending: 'queued', acked: 'atHq', dead: 'refused' } as const;

export function parcelHistory(db: Database, intakeId: string): ParcelHistory {
  const row = getIntakeRow(db, intakeId);
  if (!row) throw new StationError('NOT_FOUND', 'This parcel is not on this station. Search for it again.');
  const trail: TrailEntry[] = intakeTrail(db, intakeId).map((event) => {
    const payload: unknown = JSON.parse(event.payload);
    return {
      seq: event.seq, type: event.type, at: event.captured_at, operator: trailOperator(payload) ?? row.operator,
      what: trailWords(event.type, payload), sync: SYNC_OF[event.outbox_state ?? 'pending'], syncError: event.outbox_state === 'dead' ? event.last_error : null,
    };
  });
  return { intake: toIntakeView(db, row), trail, correctable: nextIntakeState(row.state, 'correct') !== null };
}
