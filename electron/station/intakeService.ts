/**
 * The intake workflow of one station, independent of any transport and of Electron. Each command:
 *   1. replays idempotently if its commandId was applied before (a retry after a lost reply or a restart);
 *   2. asks the pure state machine whether the action is allowed;
 *   3. writes the intake row, its event and the outbox row in ONE SQLite transaction;
 *   4. tells listeners the open intake changed.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { IntakeSummary, IntakeView, ScaleCaptureReading } from '../../shared/contract/intakeView.ts';
import type { InterlockCapture } from '../../shared/scale/weightInterlock.ts';
import type { ParsedRequest } from '../../shared/contract/commands.ts';
import { nextIntakeState, type IntakeAction } from '../../shared/intake/intakeMachine.ts';
import type { StationIntakeState } from '../../shared/intake/intakeStates.ts';
import { massFromDecimal, type MassQ, type MassUnit } from '../../shared/units/mass.ts';
import type { ScaleReading } from '../../shared/scale/reading.ts';
import { formatLength, lengthFromDecimal, MAX_LENGTH_NM, type LengthUnit } from '../../shared/units/length.ts';
import { DEFAULT_LIMITS } from '../../shared/rules/limits.ts';
import { benchStep, openParcelRefusal, type BenchParcel } from '../../shared/intake/benchFlow.ts';
import type { StationSettings } from '../../shared/contract/settings.ts';
import { appendEvent, intakeOfCommand } from './eventLog.ts';
import { StationError, storageError } from './stationError.ts';
import { findManifest } from '../db/queries/manifests.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import {
  getIntakeRow, insertIntake, intakeOfTracking, openIntakeRow, recentIntakeRows, saveIntake, toIntakeSummary, toIntakeView,
  type IntakeRow,
} from '../db/queries/intakes.ts';
import type { ScanClassifier, StationScale, VerdictDecider } from './stationPorts.ts';

export interface IntakeServiceDeps {
  readonly db: Database;
  readonly now: () => number;
  readonly settings: () => StationSettings;
  /** The operator id of the person signed in, recorded with each new intake; throws SIGN_IN_REQUIRED when nobody is. */
  readonly person: () => string;
  readonly classify: ScanClassifier;
  readonly decide: VerdictDecider;
  readonly scale: StationScale;
  readonly onIntakeChanged: (view: IntakeView | null) => void;
  /** A scan matched a parcel the station already has (it is shown again, not counted again). */
  readonly onRepeatScan?: (view: IntakeView) => void;
  /** Runs inside each command's transaction after the intake row and its event are written (the hold shelf). */
  readonly withinCommit?: (row: Readonly<IntakeRow>, action: IntakeAction, commandId: string) => void;
}

type Change = (row: IntakeRow) => { type: string; payload: unknown };

/** A weight the interlock let through for a parcel (what captureFromScale needs of it). */
export type ScaleCapture = Pick<InterlockCapture, 'parcelId' | 'cause' | 'value' | 'unit' | 'resolution' | 'heldSince' | 'capturedAt' | 'readingSeq' | 'readingAt'>;

/** Says whether a steady scale weight may be taken for a parcel on a button press (the weight interlock). */
export type ScaleWeightGuard = (intakeId: string, mass: MassQ) => 'ok' | 'previousLoad';

export class IntakeService {
  readonly #deps: IntakeServiceDeps;
  #scaleGuard: ScaleWeightGuard | null = null;

  constructor(deps: IntakeServiceDeps) {
    this.#deps = deps;
  }

  /** Auto-capture installs the weight interlock here so a button press obeys it too; returns the uninstall. */
  guardScaleWeights(guard: ScaleWeightGuard): () => void {
    this.#scaleGuard = guard;
    return () => {
      if (this.#scaleGuard === guard) this.#scaleGuard = null;
    };
  }

  current(): IntakeView | null {
    const row = openIntakeRow(this.#deps.db);
    return row ? toIntakeView(this.#deps.db, row) : null;
  }

  get(intakeId: string): IntakeView {
    return toIntakeView(this.#deps.db, this.#row(intakeId));
  }

  recent(limit: number): IntakeSummary[] {
    return recentIntakeRows(this.#deps.db, limit).map((row) => toIntakeSummary(this.#deps.db, row));
  }

  scan(req: ParsedRequest<'intake.scan'>): IntakeView {
    const { db } = this.#deps;
    const replay = this.#replay(req.commandId);
    if (replay) return replay;
    const id = this.#deps.classify(req.raw);
    if (!id.valid && id.checkDigitFailed) {
      throw new StationError('INVALID_CHECK_DIGIT', `${id.carrier ?? id.kind} number ${id.tracking} failed its check digit: rescan the label. Nothing was recorded.`);
    }
    if (id.kind === 'unknown' || !id.valid) {
      throw new StationError('UNKNOWN_BARCODE', `"${req.raw}" is not a parcel label the station can use${id.reason ? ` (${id.reason})` : ''}. Scan the carrier or ECMS barcode, or type it.`);
    }
    const open = openIntakeRow(db);
    if (open && open.tracking === id.tracking) return this.#repeated(toIntakeView(db, open, true));
    const manifest = [id.tracking, ...id.alternatives].reduce<ManifestEntry | null>((found, code) => found ?? findManifest(db, code), null);
    const earlier = intakeOfTracking(db, id.tracking, manifest?.waybill ?? null);
    if (earlier) return this.#repeated(toIntakeView(db, earlier, true));
    if (open) this.#refuseIfUnfinished(open);

    const now = this.#deps.now();
    const settings = this.#deps.settings();
    const row: IntakeRow = {
      intake_id: req.intakeId, station_id: settings.stationId, state: 'scanned', scan_raw: req.raw, scan_kind: id.kind,
      carrier: id.carrier, tracking: id.tracking, waybill: manifest?.waybill ?? null, destination: manifest?.destination ?? null,
      mass_q: null, mass_source: null, mass_unit: null, manual_reason: null, length_nm: null, width_nm: null, height_nm: null,
      dims_unit: null, damaged: 0, decision: null, verdict_json: null, operator: this.#deps.person(), created_at: now, updated_at: now,
    };
    // Finishing the previous parcel and opening this one is one transaction: both happen, or neither.
    this.#write(() => {
      if (open) this.#writeChange(open, 'finish', randomUUID(), () => ({ type: 'INTAKE_FINISHED', payload: { by: 'next-scan' } }));
      insertIntake(db, row);
      appendEvent(db, {
        intakeId: row.intake_id, commandId: req.commandId, type: 'INTAKE_SCANNED', at: now,
        payload: { raw: req.raw, source: req.source, kind: id.kind, carrier: id.carrier, tracking: id.tracking, waybill: row.waybill, prealert: manifest !== null },
      });
    });
    return this.#changed(row);
  }

  captureWeight(req: ParsedRequest<'intake.captureWeight'>): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'weigh', (row) => {
      if (req.manual) {
        const mass = massFromDecimal(req.manual.value, req.manual.unit);
        if (mass === null || mass <= 0) {
          throw new StationError('INVALID_REQUEST', `${req.manual.value} ${req.manual.unit} is not a weight the station can record: type the weight above 0, such as 3.2.`, 'manual.value');
        }
        Object.assign(row, { mass_q: mass, mass_source: 'manual', mass_unit: req.manual.unit, manual_reason: req.manual.reason });
        return { type: 'WEIGHT_CAPTURED', payload: { mass, unit: req.manual.unit, source: 'manual', reason: req.manual.reason, operator: row.operator } };
      }
      const reading = this.#stableReading();
      if (this.#scaleGuard?.(row.intake_id, reading.value) === 'previousLoad') {
        throw new StationError('SCALE_PREVIOUS_LOAD', 'The weight on the scale is still the previous parcel\'s. Take it off and put this parcel on the scale: it is weighed by itself.');
      }
      return this.#scaleWeight(row, reading, { seq: null, at: reading.at, heldSince: null, correction: row.mass_source === 'scale' });
    });
  }

  /**
   * The auto-capture path: the weight interlock (shared/scale/weightInterlock.ts) says this settled weight counts
   * for the parcel. A first weight goes to a parcel still waiting for one; a correction replaces a scale weight
   * (never a typed one) while the state machine allows re-weighing, and a parcel that was decided is decided again
   * through the same commit as any verdict (hold shelf, printing). Returns null when the parcel no longer takes it.
   */
  captureFromScale(capture: ScaleCapture): IntakeView | null {
    const open = openIntakeRow(this.#deps.db);
    if (!open || open.intake_id !== capture.parcelId || open.mass_source === 'manual') return null;
    const takes = capture.cause === 'first' ? open.state === 'scanned' : open.mass_source === 'scale' && nextIntakeState(open.state, 'weigh') !== null;
    if (!takes) return null;
    const wasDecided = open.state === 'decided';
    const previousMass = open.mass_q;
    const reading: ScaleCaptureReading = { seq: capture.readingSeq, at: capture.readingAt, heldSince: capture.heldSince, correction: capture.cause === 'correction' };
    const weighed = this.#apply(randomUUID(), open.intake_id, 'weigh', (row) => {
      const event = this.#scaleWeight(row, capture, reading);
      return { type: event.type, payload: { ...event.payload, automatic: true, capturedAt: capture.capturedAt, previousMass } };
    });
    return wasDecided ? this.#decide(randomUUID(), open.intake_id, 'weight-corrected') : weighed;
  }

  #scaleWeight(row: IntakeRow, weight: Pick<ScaleReading, 'value' | 'unit' | 'resolution'>, reading: ScaleCaptureReading) {
    const unit: MassUnit = weight.unit === 'lb-oz' ? 'lb' : weight.unit;
    Object.assign(row, { mass_q: weight.value, mass_source: 'scale', mass_unit: unit, manual_reason: null });
    return {
      type: 'WEIGHT_CAPTURED',
      payload: {
        mass: weight.value, unit, source: 'scale', automatic: false, resolution: weight.resolution, readingAt: reading.at, reading,
        device: this.#deps.scale.status().label,
      },
    };
  }

  setDimensions(req: ParsedRequest<'intake.setDimensions'>): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'setDimensions', (row) => {
      const [l, w, h] = (['length', 'width', 'height'] as const).map((side) => recordableSide(side, req[side], req.unit));
      Object.assign(row, { length_nm: l, width_nm: w, height_nm: h, dims_unit: req.unit });
      return { type: 'DIMENSIONS_SET', payload: { length: l, width: w, height: h, unit: req.unit } };
    });
  }

  reportDamage(req: ParsedRequest<'intake.reportDamage'>): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'reportDamage', (row) => {
      row.damaged = req.damaged ? 1 : 0;
      return { type: 'DAMAGE_REPORTED', payload: { damaged: req.damaged, note: req.note ?? null } };
    });
  }

  commitVerdict(req: ParsedRequest<'intake.commitVerdict'>): IntakeView {
    return this.#decide(req.commandId, req.intakeId, null);
  }

  /** Decides the parcel with its measurements; `cause` says why a decision is made again (null: the worker asked). */
  #decide(commandId: string, intakeId: string, cause: 'weight-corrected' | null): IntakeView {
    return this.#apply(commandId, intakeId, 'decide', (row) => {
      const payload = this.#decideRow(row);
      return { type: 'VERDICT_COMMITTED', payload: cause === null ? payload : { ...payload, cause } };
    });
  }

  /** The verdict engine decides the row from its measurements; the row takes the verdict. */
  #decideRow(row: IntakeRow) {
    if (row.mass_q === null) throw new StationError('INVALID_STATE', 'Weigh the parcel before deciding.');
    const measured = row.length_nm !== null && row.width_nm !== null && row.height_nm !== null;
    if (!measured && this.#deps.settings().sizeRequired) {
      throw new StationError('INVALID_STATE', 'Type the length, width and height before deciding: this warehouse checks every parcel\'s size.', 'length');
    }
    const manifest = row.waybill === null ? null : findManifest(this.#deps.db, row.waybill);
    const verdict = this.#deps.decide({
      manifest, mass: row.mass_q, damaged: row.damaged === 1, now: this.#deps.now(),
      dims: row.length_nm !== null && row.width_nm !== null && row.height_nm !== null ? { length: row.length_nm, width: row.width_nm, height: row.height_nm } : null,
    });
    row.decision = verdict.decision;
    row.verdict_json = JSON.stringify(verdict);
    return { verdict, mass: row.mass_q, dims: measured ? [row.length_nm, row.width_nm, row.height_nm] : null, damaged: row.damaged === 1 };
  }

  /**
   * A lead corrects a parcel already printed or done (issue 12): a new weight, size or damage flag with a reason.
   * The verdict engine decides again from the corrected facts in the same transaction (state machine action
   * 'correct'; the parcel keeps its state and is not reopened on the bench). The hold shelf and printing take it as
   * a verdict change: documents that no longer match are voided, the new verdict's documents print by the auto-print
   * rule. One INTAKE_CORRECTED event (with the facts before and after) goes to HQ.
   */
  correct(req: ParsedRequest<'intake.correct'>): IntakeView {
    const replay = this.#replay(req.commandId);
    if (replay) return replay;
    const by = this.#deps.person();
    const corrected = this.#row(req.intakeId);
    this.#writeChange(corrected, 'correct', req.commandId, (row) => {
      const before = {
        mass: row.mass_q, unit: row.mass_unit, source: row.mass_source,
        dims: row.length_nm === null ? null : [row.length_nm, row.width_nm, row.height_nm], damaged: row.damaged === 1, decision: row.decision,
      };
      if (req.weight) {
        const mass = massFromDecimal(req.weight.value, req.weight.unit);
        if (mass === null || mass <= 0) {
          throw new StationError('INVALID_REQUEST', `${req.weight.value} ${req.weight.unit} is not a weight the station can record: type the weight above 0, such as 3.2.`, 'weight.value');
        }
        Object.assign(row, { mass_q: mass, mass_source: 'manual', mass_unit: req.weight.unit, manual_reason: req.reason });
      }
      if (req.dims) {
        const dims = req.dims;
        const [l, w, h] = (['length', 'width', 'height'] as const).map((side) => recordableSide(side, dims[side], dims.unit));
        Object.assign(row, { length_nm: l, width_nm: w, height_nm: h, dims_unit: dims.unit });
      }
      if (req.damaged !== undefined) row.damaged = req.damaged ? 1 : 0;
      const decided = this.#decideRow(row);
      return {
        type: 'INTAKE_CORRECTED',
        payload: {
          reason: req.reason, operator: by, before, unit: row.mass_unit, dimsUnit: row.dims_unit,
          changed: { weight: req.weight !== undefined, dims: req.dims !== undefined, damaged: req.damaged !== undefined }, ...decided,
        },
      };
    });
    // The bench keeps showing its own open parcel: a correction of an older one does not take over its card.
    this.#deps.onIntakeChanged(this.current());
    return toIntakeView(this.#deps.db, corrected);
  }

  /**
   * A parcel decided without a pre-alert whose manifest has now arrived: link it to its waybill and decide again with
   * the measurements already taken. The new verdict goes through the same commit as any verdict (hold shelf, printing).
   * Returns null when there is nothing to do (already linked, not yet measured, or still no manifest).
   */
  redecideWithArrivedManifest(intakeId: string): IntakeView | null {
    const row = this.#row(intakeId);
    if (row.waybill !== null || row.verdict_json === null || row.mass_q === null || row.length_nm === null || row.width_nm === null || row.height_nm === null) return null;
    const manifest = findManifest(this.#deps.db, row.tracking);
    if (!manifest) return null;
    const verdict = this.#deps.decide({
      manifest, mass: row.mass_q, damaged: row.damaged === 1, now: this.#deps.now(),
      dims: { length: row.length_nm, width: row.width_nm, height: row.height_nm },
    });
    Object.assign(row, { waybill: manifest.waybill, destination: manifest.destination, decision: verdict.decision, verdict_json: JSON.stringify(verdict), updated_at: this.#deps.now() });
    const commandId = randomUUID();
    this.#write(() => {
      saveIntake(this.#deps.db, row);
      appendEvent(this.#deps.db, {
        intakeId, commandId, type: 'VERDICT_COMMITTED', at: row.updated_at,
        payload: { verdict, mass: row.mass_q, dims: [row.length_nm, row.width_nm, row.height_nm], damaged: row.damaged === 1, cause: 'prealert-arrived', waybill: manifest.waybill },
      });
      this.#deps.withinCommit?.(row, 'decide', commandId);
    });
    return this.#changed(row);
  }

  /** The worker prints a document for the parcel (decided → printed; printed → printed for another copy). */
  print(req: { commandId: string; intakeId: string; document: string }): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'print', () => ({ type: 'PRINT_REQUESTED', payload: { document: req.document } }));
  }

  finish(req: ParsedRequest<'intake.finish'>): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'finish', () => ({ type: 'INTAKE_FINISHED', payload: {} }));
  }

  cancel(req: ParsedRequest<'intake.cancel'>): IntakeView {
    return this.#apply(req.commandId, req.intakeId, 'cancel', () => ({ type: 'INTAKE_CANCELLED', payload: { reason: req.reason } }));
  }

  /** A decided or printed parcel is finished by the next scan (in its transaction); an undecided one blocks the scan. */
  #refuseIfUnfinished(open: IntakeRow): void {
    if (nextIntakeState(open.state, 'finish') !== null) return;
    const parcel: BenchParcel = { state: open.state as StationIntakeState, weighed: open.mass_q !== null, measured: open.length_nm !== null };
    throw new StationError('INVALID_STATE', openParcelRefusal(open.tracking, benchStep(parcel, { sizeRequired: this.#deps.settings().sizeRequired })));
  }

  #stableReading() {
    const status = this.#deps.scale.status();
    if (status.state !== 'connected') throw new StationError('SCALE_DISCONNECTED', `No scale: ${status.message ?? status.label}. Reconnect it or type the weight with a reason.`);
    const reading = this.#deps.scale.last();
    if (!reading || reading.status !== 'stable' || reading.value <= 0) {
      throw new StationError('SCALE_UNSTABLE', 'The scale has no steady weight yet: let the parcel settle on the scale.');
    }
    return reading;
  }

  #row(intakeId: string): IntakeRow {
    const row = getIntakeRow(this.#deps.db, intakeId);
    if (!row) throw new StationError('NOT_FOUND', `No intake ${intakeId} on this station.`);
    return row;
  }

  #replay(commandId: string): IntakeView | null {
    const intakeId = intakeOfCommand(this.#deps.db, commandId);
    return intakeId === null ? null : toIntakeView(this.#deps.db, this.#row(intakeId));
  }

  #apply(commandId: string, intakeId: string, action: IntakeAction, change: Change): IntakeView {
    const replay = this.#replay(commandId);
    if (replay) return replay;
    const row = this.#row(intakeId);
    this.#writeChange(row, action, commandId, change);
    return this.#changed(row);
  }

  #writeChange(row: IntakeRow, action: IntakeAction, commandId: string, change: Change): void {
    const next = nextIntakeState(row.state as StationIntakeState, action);
    if (next === null || next === 'idle') {
      throw new StationError('INVALID_STATE', `Cannot ${ACTION_WORDS[action]} parcel ${row.tracking} now: it is ${row.state}.`);
    }
    const event = change(row);
    if (next === 'weighed' && row.state === 'decided') {
      row.decision = null;
      row.verdict_json = null;
    }
    row.state = next;
    row.updated_at = this.#deps.now();
    this.#write(() => {
      saveIntake(this.#deps.db, row);
      appendEvent(this.#deps.db, { intakeId: row.intake_id, commandId, type: event.type, payload: event.payload, at: row.updated_at });
      this.#deps.withinCommit?.(row, action, commandId);
    });
  }

  #write(body: () => void): void {
    try {
      this.#deps.db.transaction(body)();
    } catch (error) {
      if (error instanceof StationError) throw error;
      throw storageError(error);
    }
  }

  #repeated(view: IntakeView): IntakeView {
    this.#deps.onRepeatScan?.(view);
    return view;
  }

  #changed(row: IntakeRow): IntakeView {
    const view = toIntakeView(this.#deps.db, row);
    this.#deps.onIntakeChanged(view.state === 'cancelled' ? null : view);
    return view;
  }
}

/**
 * One side as the station records it, or a refusal that names the side and the limits: a side must be above 0 and
 * at most what the station can record (MAX_LENGTH_NM); a side over the size limit is recorded, and the rules return
 * the parcel as oversize.
 */
function recordableSide(side: 'length' | 'width' | 'height', text: string, unit: LengthUnit): number {
  const value = lengthFromDecimal(text, unit);
  const name = side.charAt(0).toUpperCase() + side.slice(1);
  if (value === null || value > MAX_LENGTH_NM) {
    const most = formatLength(MAX_LENGTH_NM, unit, 1);
    const limit = `${formatLength(DEFAULT_LIMITS.maxSize, unit, 0)} ${unit}`;
    throw new StationError('RULE_REJECTED', `${name} ${text} ${unit} is longer than any parcel: at most ${most} ${unit}. Measure it again; a side over ${limit} sends the parcel back as oversize.`, side);
  }
  if (value <= 0) throw new StationError('RULE_REJECTED', `${name}: type a size above 0 ${unit}, such as 12.`, side);
  return value;
}

const ACTION_WORDS: Readonly<Record<IntakeAction, string>> = {
  scan: 'scan', weigh: 'weigh', setDimensions: 'set the size of', reportDamage: 'report damage on', decide: 'decide',
  print: 'print', finish: 'finish', cancel: 'cancel', correct: 'correct',
};

