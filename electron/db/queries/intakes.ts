/**
 * Intake rows ⇄ the contract's IntakeView.
 */
import type { Database } from 'better-sqlite3';
import type { IntakeSummary, IntakeView } from '../../../shared/contract/intakeView.ts';
import type { IntakeState } from '../../../shared/intake/intakeStates.ts';
import { VerdictSchema, type Verdict } from '../../../shared/rules/verdict.ts';
import type { MassUnit } from '../../../shared/units/mass.ts';
import type { LengthUnit } from '../../../shared/units/length.ts';
import { getManifest } from './manifests.ts';
import { scaleReadingField } from './weightReadings.ts';
import { intakeDocuments } from './printJobs.ts';
import { prepared } from '../statementCache.ts';

export interface IntakeRow {
  intake_id: string;
  station_id: string;
  state: IntakeState;
  scan_raw: string;
  scan_kind: string;
  carrier: string | null;
  tracking: string;
  waybill: string | null;
  destination: string | null;
  mass_q: number | null;
  mass_source: 'scale' | 'manual' | null;
  mass_unit: MassUnit | null;
  manual_reason: string | null;
  length_nm: number | null;
  width_nm: number | null;
  height_nm: number | null;
  dims_unit: LengthUnit | null;
  damaged: 0 | 1;
  decision: string | null;
  verdict_json: string | null;
  operator: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS: ReadonlyArray<keyof IntakeRow> = [
  'intake_id', 'station_id', 'state', 'scan_raw', 'scan_kind', 'carrier', 'tracking', 'waybill', 'destination',
  'mass_q', 'mass_source', 'mass_unit', 'manual_reason', 'length_nm', 'width_nm', 'height_nm', 'dims_unit',
  'damaged', 'decision', 'verdict_json', 'operator', 'created_at', 'updated_at',
];

export function insertIntake(db: Database, row: IntakeRow): void {
  prepared(db, `INSERT INTO intakes (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
}

export function saveIntake(db: Database, row: IntakeRow): void {
  const sets = COLUMNS.filter((c) => c !== 'intake_id').map((c) => `${c} = @${c}`).join(', ');
  prepared(db, `UPDATE intakes SET ${sets} WHERE intake_id = @intake_id`).run(row);
}

export function intakeExists(db: Database, intakeId: string): boolean {
  return prepared(db, 'SELECT 1 FROM intakes WHERE intake_id = ?').get(intakeId) !== undefined;
}

export function getIntakeRow(db: Database, intakeId: string): IntakeRow | null {
  return (prepared(db, 'SELECT * FROM intakes WHERE intake_id = ?').get(intakeId) as IntakeRow | undefined) ?? null;
}

/** The station's most recent intake that is still open (not ready, not cancelled). */
export function openIntakeRow(db: Database): IntakeRow | null {
  return (
    (prepared(db, "SELECT * FROM intakes WHERE state NOT IN ('ready','cancelled') ORDER BY updated_at DESC LIMIT 1").get() as IntakeRow | undefined) ?? null
  );
}

/** An earlier intake of the same parcel that counts (not cancelled). */
export function intakeOfTracking(db: Database, tracking: string, waybill: string | null): IntakeRow | null {
  return (
    (prepared(db,
        `SELECT * FROM intakes WHERE state <> 'cancelled' AND (tracking = @tracking OR (@waybill IS NOT NULL AND waybill = @waybill))
         ORDER BY created_at DESC LIMIT 1`,
      )
      .get({ tracking, waybill }) as IntakeRow | undefined) ?? null
  );
}

export function recentIntakeRows(db: Database, limit: number): IntakeRow[] {
  return prepared(db, 'SELECT * FROM intakes ORDER BY updated_at DESC LIMIT ?').all(limit) as IntakeRow[];
}

function openHoldLocation(db: Database, intakeId: string): string | null {
  const hold = prepared(db, "SELECT location FROM holds WHERE intake_id = ? AND state = 'held'").get(intakeId) as { location: string } | undefined;
  return hold?.location ?? null;
}

/** Replaces an intake's verdict (a hold that became a return), keeping its workflow state. */
export function setIntakeVerdict(db: Database, intakeId: string, verdict: Verdict, at: number): void {
  prepared(db, 'UPDATE intakes SET decision = ?, verdict_json = ?, updated_at = ? WHERE intake_id = ?').run(verdict.decision, JSON.stringify(verdict), at, intakeId);
}

export function verdictOf(row: IntakeRow): Verdict | null {
  return row.verdict_json === null ? null : VerdictSchema.parse(JSON.parse(row.verdict_json));
}

export function toIntakeView(db: Database, row: IntakeRow, repeatScan = false): IntakeView {
  const m = row.waybill === null ? null : getManifest(db, row.waybill);
  return {
    intakeId: row.intake_id,
    state: row.state,
    scan: { raw: row.scan_raw, kind: row.scan_kind, carrier: row.carrier, tracking: row.tracking },
    repeatScan,
    manifest: m && {
      waybill: m.waybill,
      destination: m.destination,
      consigneeName: m.consigneeName,
      pieceIndex: m.pieceIndex,
      pieceCount: m.pieceCount,
      declaredMass: m.declaredMass,
      estimateMinor: m.estimateMinor,
      currency: m.currency,
      consigneeIdStatus: m.consigneeIdStatus,
      dutiesStatus: m.dutiesStatus,
    },
    weight:
      row.mass_q === null || row.mass_source === null || row.mass_unit === null
        ? null
        : { mass: row.mass_q, unit: row.mass_unit, source: row.mass_source, manualReason: row.manual_reason, ...scaleReadingField(db, row) },
    dims:
      row.length_nm === null || row.width_nm === null || row.height_nm === null || row.dims_unit === null
        ? null
        : { length: row.length_nm, width: row.width_nm, height: row.height_nm, unit: row.dims_unit },
    damaged: row.damaged === 1,
    verdict: verdictOf(row),
    holdLocation: openHoldLocation(db, row.intake_id),
    operator: row.operator,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...documentsField(db, row.intake_id),
  };
}

/** The parcel's labels and slips (absent while it has none). */
function documentsField(db: Database, intakeId: string): Pick<IntakeView, 'documents'> {
  const documents = intakeDocuments(db, intakeId);
  return documents.length === 0 ? {} : { documents };
}

export function toIntakeSummary(db: Database, row: IntakeRow): IntakeSummary {
  const v = toIntakeView(db, row);
  return {
    intakeId: v.intakeId,
    state: v.state,
    scan: v.scan,
    damaged: v.damaged,
    verdict: v.verdict,
    updatedAt: v.updatedAt,
    waybill: row.waybill,
    mass: row.mass_q,
  };
}
