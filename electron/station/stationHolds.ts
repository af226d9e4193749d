/**
 * The hold shelf inside the station: a HOLD verdict puts the parcel on the shelf in the verdict's own transaction; a
 * correction that changes the verdict, or a cancel, takes it off; batch release / return-to-sender from the UI; and
 * holds past their time turn into returns (checked at start and then periodically). Every change is one transaction
 * with its events (written by the hold shelf through the station's event log).
 */
import type { Database } from 'better-sqlite3';
import { createHoldShelf, type HoldResult, type HoldShelf, type BatchResult } from '../holds/holdShelf.ts';
import { intakesWaitingForPrealert, openHoldOfIntake } from '../db/queries/holds.ts';
import { VerdictSchema, type Verdict } from '../../shared/rules/verdict.ts';
import type { Destination } from '../../shared/manifest/destinations.ts';
import type { IntakeAction } from '../../shared/intake/intakeMachine.ts';
import type { StatusChange } from '../../shared/rules/holdAging.ts';
import { setIntakeVerdict, type IntakeRow } from '../db/queries/intakes.ts';
import { appendEvent } from './eventLog.ts';
import { StationError } from './stationError.ts';

const EXPIRY_CHECK_MS = 10 * 60_000;

export interface StationHolds {
  readonly shelf: HoldShelf;
  withinCommit(row: Readonly<IntakeRow>, action: IntakeAction, commandId: string): void;
  release(holdIds: readonly string[], operator: string, note: string, commandId: string): BatchResult;
  convertToReturn(holdIds: readonly string[], operator: string, note: string, commandId: string): BatchResult;
  /** HQ reported an ID received or duties paid (from sync). */
  applyStatusChange(waybill: string, change: StatusChange, commandId: string): void;
  expire(): number;
  /** Intakes on the shelf only because no pre-alert had arrived. */
  waitingForPrealert(): string[];
  stop(): void;
}

function unwrap<T>(result: HoldResult<T>): T {
  if (result.ok) return result.value;
  const code = result.error.code === 'NOT_A_HOLD' || result.error.code === 'INTAKE_NOT_FOUND' ? 'NOT_FOUND' : 'INVALID_REQUEST';
  throw new StationError(code, result.error.message);
}

export function createStationHolds(db: Database, now: () => number, onChanged: () => void): StationHolds {
  const shelf = createHoldShelf({ db, appendEvent, clock: now });

  /** Items that became returns (or were released by HQ) carry their new verdict: the intake shows it from then on. */
  const recordNewVerdicts = <R extends { readonly items: ReadonlyArray<{ readonly intakeId?: string; readonly verdict?: Verdict }> }>(result: R): R => {
    for (const item of result.items) {
      if (item.intakeId && item.verdict) setIntakeVerdict(db, item.intakeId, item.verdict, now());
    }
    return result;
  };

  const holds: StationHolds = {
    shelf,
    withinCommit(row, action, commandId) {
      const open = openHoldOfIntake(db, row.intake_id);
      if (action === 'decide' && row.verdict_json !== null) {
        const verdict = VerdictSchema.parse(JSON.parse(row.verdict_json));
        if (verdict.decision === 'HOLD') {
          unwrap(shelf.placeOnHold({
            intakeId: row.intake_id, waybill: row.waybill, destination: row.destination as Destination | null,
            verdict, operator: row.operator, commandId,
          }));
        } else if (open) {
          const note = `new verdict ${verdict.decision} after a correction`;
          unwrap(verdict.decision === 'RETURN' ? shelf.convertToReturn([open.hold_id], row.operator, note, { commandId }) : shelf.release([open.hold_id], row.operator, note, { commandId }));
        }
      } else if (action === 'cancel' && open) {
        unwrap(shelf.release([open.hold_id], row.operator, 'intake cancelled', { commandId }));
      }
    },
    release: (ids, operator, note, commandId) => {
      const result = db.transaction(() => unwrap(shelf.release(ids, operator, note, { commandId })))();
      onChanged();
      return result;
    },
    convertToReturn: (ids, operator, note, commandId) => {
      const result = db.transaction(() => recordNewVerdicts(unwrap(shelf.convertToReturn(ids, operator, note, { commandId }))))();
      onChanged();
      return result;
    },
    applyStatusChange(waybill, change, commandId) {
      db.transaction(() => recordNewVerdicts(shelf.applyStatusChange(waybill, change, { commandId })))();
      onChanged();
    },
    expire() {
      const expired = db.transaction(() => {
        const items = shelf.expireHolds(now());
        for (const item of items) setIntakeVerdict(db, item.intakeId, item.verdict, now());
        return items;
      })();
      if (expired.length > 0) onChanged();
      return expired.length;
    },
    waitingForPrealert: () => intakesWaitingForPrealert(db),
    stop: () => clearInterval(timer),
  };
  // The first check runs when the station is fully built (createStation calls expire()), then periodically.
  const timer = setInterval(() => holds.expire(), EXPIRY_CHECK_MS);
  timer.unref();
  return holds;
}
