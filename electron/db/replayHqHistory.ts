/**
 * Puts the station's own events that HQ holds back into a restored database (restore-backup with HQ's reseed file,
 * issue 14 item 4): every event after the restored database's last seq is stored with its own seq as already synced
 * (acknowledged: it is never sent again), and the rows it changed are rebuilt from it:
 *   - intakes: INTAKE_SCANNED opens the row; weight, size, damage, verdict, correction, print, finish and cancel change
 *     it through the station's intake state machine (shared/intake/intakeMachine.ts), as the bench did;
 *   - the hold shelf: HOLD_PLACED puts the parcel on its shelf place; HOLD_REASONS_CHANGED, HOLD_RELEASED and
 *     HOLD_RETURNED change or close it, and a release or return's verdict becomes the intake's, as the shelf does.
 * Other events (print queue, inspections, exceptions) are stored in the log only: the parcel's history lists them,
 * but no print job or inspection row is made from them. An event whose parcel is not on the station (its scan is
 * before the restored backup and not in it) cannot be stored and is counted as skipped. Call inside a transaction.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { nextIntakeState, type IntakeAction } from '../../shared/intake/intakeMachine.ts';
import type { StationIntakeState } from '../../shared/intake/intakeStates.ts';
import { releasedHoldVerdict } from '../../shared/rules/holdAging.ts';
import { VerdictReasonSchema, VerdictSchema, type Verdict } from '../../shared/rules/verdict.ts';
import { LENGTH_UNITS } from '../../shared/units/length.ts';
import { MASS_UNITS } from '../../shared/units/mass.ts';
import type { ReseedEvent } from '../../shared/sync/stationReseed.ts';
import { highestEventSeq } from './queries/eventSeq.ts';
import { closeHold, getHold, insertHold, updateReasons, type CloseCause } from './queries/holds.ts';
import { getIntakeRow, insertIntake, saveIntake, verdictOf, type IntakeRow } from './queries/intakes.ts';
import { getManifest } from './queries/manifests.ts';
import { eventIsStored, insertSyncedEvent } from './queries/reseed.ts';

/** Who the rebuilt rows name where HQ's events do not say (a scan does not carry its operator). */
export const RESTORED_OPERATOR = 'restored from HQ';

export interface ReplayOutcome {
  /** Events put back into the log (acknowledged). */
  readonly stored: number;
  /** Parcels put back (their scan was after the backup). */
  readonly intakes: number;
  /** Events not stored: their parcel is not on the station. */
  readonly skipped: number;
}

const nullableText = z.string().nullable().optional();
const Scanned = z.looseObject({ raw: z.string(), kind: z.string(), carrier: nullableText, tracking: nullableText, waybill: nullableText });
const Weighed = z.looseObject({ mass: z.number().int().positive(), unit: z.enum(MASS_UNITS), source: z.enum(['scale', 'manual']), reason: nullableText });
const Measured = z.looseObject({ length: z.number().int().positive(), width: z.number().int().positive(), height: z.number().int().positive(), unit: z.enum(LENGTH_UNITS) });
const Damage = z.looseObject({ damaged: z.boolean() });
const Decided = z.looseObject({ verdict: VerdictSchema, damaged: z.boolean().optional(), waybill: nullableText });
const Corrected = z.looseObject({
  verdict: VerdictSchema, damaged: z.boolean(), mass: z.number().int().positive().nullable().optional(), unit: z.enum(MASS_UNITS).nullable().optional(),
  dims: z.tuple([z.number().int(), z.number().int(), z.number().int()]).nullable().optional(), dimsUnit: z.enum(LENGTH_UNITS).nullable().optional(),
});
const HoldReasons = z.array(z.looseObject({ code: z.string(), message: z.string() }));
const HoldPlaced = z.looseObject({ holdId: z.string(), waybill: nullableText, location: z.string(), heldAt: z.number().int(), reasons: HoldReasons.optional() });
const HoldChanged = z.looseObject({ holdId: z.string(), reasons: HoldReasons });
const HoldClosed = z.looseObject({ holdId: z.string(), cause: z.string(), operator: z.string().optional(), note: nullableText, verdict: VerdictSchema.optional() });

const INTAKE_ACTION_OF: Readonly<Record<string, IntakeAction>> = {
  WEIGHT_CAPTURED: 'weigh', DIMENSIONS_SET: 'setDimensions', DAMAGE_REPORTED: 'reportDamage', VERDICT_COMMITTED: 'decide',
  INTAKE_CORRECTED: 'correct', PRINT_REQUESTED: 'print', INTAKE_FINISHED: 'finish', INTAKE_CANCELLED: 'cancel',
};
const CLOSE_CAUSES: readonly CloseCause[] = ['manual_release', 'auto_release', 'manual_return', 'expired'];

function setVerdict(row: IntakeRow, verdict: Verdict): void {
  row.decision = verdict.decision;
  row.verdict_json = JSON.stringify(verdict);
}

/** The intake row after one of its events (fields from the payload; state by the state machine). */
function applyToIntake(row: IntakeRow, event: ReseedEvent): void {
  const p = event.payload;
  switch (event.type) {
    case 'WEIGHT_CAPTURED': {
      const w = Weighed.safeParse(p);
      if (w.success) Object.assign(row, { mass_q: w.data.mass, mass_unit: w.data.unit, mass_source: w.data.source, manual_reason: w.data.source === 'manual' ? (w.data.reason ?? null) : null });
      if (row.state === 'decided') Object.assign(row, { decision: null, verdict_json: null });
      break;
    }
    case 'DIMENSIONS_SET': {
      const m = Measured.safeParse(p);
      if (m.success) Object.assign(row, { length_nm: m.data.length, width_nm: m.data.width, height_nm: m.data.height, dims_unit: m.data.unit });
      break;
    }
    case 'DAMAGE_REPORTED': {
      const d = Damage.safeParse(p);
      if (d.success) row.damaged = d.data.damaged ? 1 : 0;
      break;
    }
    case 'VERDICT_COMMITTED': {
      const d = Decided.safeParse(p);
      if (d.success) {
        setVerdict(row, d.data.verdict);
        if (d.data.damaged !== undefined) row.damaged = d.data.damaged ? 1 : 0;
        if (d.data.waybill) row.waybill = d.data.waybill;
      }
      break;
    }
    case 'INTAKE_CORRECTED': {
      const c = Corrected.safeParse(p);
      if (c.success) {
        setVerdict(row, c.data.verdict);
        row.damaged = c.data.damaged ? 1 : 0;
        if (c.data.mass != null) Object.assign(row, { mass_q: c.data.mass, mass_unit: c.data.unit ?? row.mass_unit });
        if (c.data.dims != null) Object.assign(row, { length_nm: c.data.dims[0], width_nm: c.data.dims[1], height_nm: c.data.dims[2], dims_unit: c.data.dimsUnit ?? row.dims_unit });
      }
      break;
    }
  }
  const action = INTAKE_ACTION_OF[event.type];
  const next = action === undefined ? null : nextIntakeState(row.state as StationIntakeState, action);
  if (next !== null && next !== 'idle') row.state = next;
  row.updated_at = event.capturedAt;
}

function scannedRow(event: IntakeEvent, stationId: string, db: Database): IntakeRow | null {
  const s = Scanned.safeParse(event.payload);
  if (!s.success) return null;
  const waybill = s.data.waybill ?? null;
  return {
    intake_id: event.intakeId, station_id: stationId, state: 'scanned', scan_raw: s.data.raw, scan_kind: s.data.kind,
    carrier: s.data.carrier ?? null, tracking: s.data.tracking ?? s.data.raw, waybill,
    destination: waybill === null ? null : (getManifest(db, waybill)?.destination ?? null),
    mass_q: null, mass_source: null, mass_unit: null, manual_reason: null, length_nm: null, width_nm: null, height_nm: null,
    dims_unit: null, damaged: 0, decision: null, verdict_json: null, operator: RESTORED_OPERATOR, created_at: event.capturedAt, updated_at: event.capturedAt,
  };
}

function applyToShelf(db: Database, event: IntakeEvent): void {
  const p = event.payload;
  if (event.type === 'HOLD_PLACED') {
    const h = HoldPlaced.safeParse(p);
    const intake = getIntakeRow(db, event.intakeId);
    if (!h.success || intake === null || getHold(db, h.data.holdId) !== null) return;
    const reasons = (h.data.reasons ?? []).map((r) => VerdictReasonSchema.safeParse({ ...r, effect: 'HOLD' })).flatMap((r) => (r.success ? [r.data] : []));
    insertHold(db, {
      hold_id: h.data.holdId, intake_id: event.intakeId, waybill: h.data.waybill ?? intake.waybill, destination: intake.destination, location: h.data.location,
      state: 'held', reasons_json: JSON.stringify(reasons), held_at: h.data.heldAt, closed_at: null, closed_by: null, close_cause: null, close_note: null,
      updated_at: event.capturedAt,
    });
  } else if (event.type === 'HOLD_REASONS_CHANGED') {
    const h = HoldChanged.safeParse(p);
    if (!h.success || getHold(db, h.data.holdId)?.state !== 'held') return;
    const reasons = h.data.reasons.map((r) => VerdictReasonSchema.safeParse({ ...r, effect: 'HOLD' })).flatMap((r) => (r.success ? [r.data] : []));
    updateReasons(db, h.data.holdId, reasons, event.capturedAt);
  } else if (event.type === 'HOLD_RELEASED' || event.type === 'HOLD_RETURNED') {
    const h = HoldClosed.safeParse(p);
    if (!h.success || getHold(db, h.data.holdId)?.state !== 'held') return;
    const released = event.type === 'HOLD_RELEASED';
    const cause = CLOSE_CAUSES.find((c) => c === h.data.cause) ?? (released ? 'manual_release' : 'manual_return');
    closeHold(db, h.data.holdId, released ? 'released' : 'returned', cause, h.data.operator ?? RESTORED_OPERATOR, h.data.note ?? null, event.capturedAt);
    const intake = getIntakeRow(db, event.intakeId);
    const held = intake === null ? null : verdictOf(intake);
    const verdict = h.data.verdict ?? (released && held?.decision === 'HOLD' ? releasedHoldVerdict(held) : undefined);
    if (intake !== null && verdict !== undefined) {
      setVerdict(intake, verdict);
      intake.updated_at = event.capturedAt;
      saveIntake(db, intake);
    }
  }
}

/** An event about one parcel (the events about none are only stored). */
type IntakeEvent = ReseedEvent & { readonly intakeId: string };

export function replayHqHistory(db: Database, events: readonly ReseedEvent[], options: { readonly stationId: string; readonly at: number }): ReplayOutcome {
  const after = highestEventSeq(db);
  let stored = 0;
  let intakes = 0;
  let skipped = 0;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= after || eventIsStored(db, event.eventId, event.commandId)) continue;
    if (event.intakeId === null) {
      // An event about no parcel (an operator's): kept in the log, nothing to rebuild from it.
      insertSyncedEvent(db, { ...event, payloadJson: JSON.stringify(event.payload) }, options.at);
      stored++;
      continue;
    }
    const intakeEvent: IntakeEvent = { ...event, intakeId: event.intakeId };
    let row = getIntakeRow(db, intakeEvent.intakeId);
    if (row === null && event.type === 'INTAKE_SCANNED') {
      row = scannedRow(intakeEvent, options.stationId, db);
      if (row !== null) {
        insertIntake(db, row);
        intakes++;
      }
    } else if (row !== null && event.type !== 'INTAKE_SCANNED') {
      applyToIntake(row, intakeEvent);
      saveIntake(db, row);
    }
    if (row === null) {
      skipped++;
      continue;
    }
    insertSyncedEvent(db, { ...event, payloadJson: JSON.stringify(event.payload) }, options.at);
    applyToShelf(db, intakeEvent);
    stored++;
  }
  return { stored, intakes, skipped };
}
