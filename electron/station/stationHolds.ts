/**
 * The hold shelf inside the station: a HOLD verdict puts the parcel on the shelf in the verdict's own transaction; a
 * correction that changes the verdict, or a cancel, takes it off; batch release / return-to-sender from the UI; and
 * holds past their time turn into returns (checked at start and then periodically). Every change is one transaction
 * with its events (written by the hold shelf through the station's event log).
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createHoldShelf, type HoldResult, type HoldShelf, type BatchResult } from '../holds/holdShelf.ts';
import { getHold, intakesWaitingForPrealert, lastReleasedHoldOfIntake, openHoldOfIntake } from '../db/queries/holds.ts';
import { VerdictSchema, type Verdict } from '../../shared/rules/verdict.ts';
import { releasedHoldVerdict } from '../../shared/rules/holdAging.ts';
import type { Notice } from '../../shared/contract/notices.ts';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import { releasedBeforeNotice, releasedNotice, returnedNotice } from './holdNotices.ts';
import type { Destination } from '../../shared/manifest/destinations.ts';
import type { IntakeAction } from '../../shared/intake/intakeMachine.ts';
import type { StatusChange } from '../../shared/rules/holdAging.ts';
import { getIntakeRow, setIntakeVerdict, verdictOf, type IntakeRow } from '../db/queries/intakes.ts';
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
  /** A parcel scanned again: if it was released from the shelf, a notice saying so is emitted. */
  repeatScanned(view: IntakeView): void;
  stop(): void;
}

/** What the hold shelf tells the rest of the station (all optional: a station without printing still holds). */
export interface StationHoldsHooks {
  /** Inside the transaction that changed a parcel's verdict: void its old documents, print the new ones. */
  readonly verdictChanged?: (intakeId: string, commandId: string, reason: string) => void;
  /** After the change committed: a notice for the screen. */
  readonly notice?: (notice: Notice) => void;
}

function unwrap<T>(result: HoldResult<T>): T {
  if (result.ok) return result.value;
  const code = result.error.code === 'NOT_A_HOLD' || result.error.code === 'INTAKE_NOT_FOUND' ? 'NOT_FOUND' : 'INVALID_REQUEST';
  throw new StationError(code, result.error.message);
}

type Item = { readonly holdId: string; readonly intakeId?: string; readonly verdict?: Verdict; readonly outcome: string };

export function createStationHolds(db: Database, now: () => number, onChanged: () => void, hooks: StationHoldsHooks = {}): StationHolds {
  const shelf = createHoldShelf({ db, appendEvent, clock: now });

  /**
   * Items that became returns or were released carry their new verdict (a lead's release turns the HOLD into
   * ACCEPT here, as HQ's does in the shelf): the intake shows it from then on, its old documents are void, the new
   * ones print, and a notice is prepared. Runs inside the change's transaction; returns the notices to emit.
   */
  const recordNewVerdicts = (items: readonly Item[], by: Notice['by'], commandId: string): Notice[] => {
    const notices: Notice[] = [];
    for (const item of items) {
      if (!item.intakeId || (item.outcome !== 'released' && item.outcome !== 'returned')) continue;
      let verdict = item.verdict;
      if (verdict === undefined && item.outcome === 'released') {
        const intakeRow = getIntakeRow(db, item.intakeId);
        const held = intakeRow === null ? null : verdictOf(intakeRow);
        if (held?.decision === 'HOLD') verdict = releasedHoldVerdict(held);
      }
      const hold = getHold(db, item.holdId);
      if (verdict !== undefined) {
        setIntakeVerdict(db, item.intakeId, verdict, now());
        hooks.verdictChanged?.(item.intakeId, commandId, item.outcome === 'released' ? `the hold was released ${by === 'hq' ? 'by HQ' : 'by a lead'}` : 'the hold became a return');
      }
      if (hold !== null) notices.push(item.outcome === 'released' ? releasedNotice(hold, by, now()) : returnedNotice(hold, by, now()));
    }
    return notices;
  };
  const emit = (notices: readonly Notice[]): void => {
    for (const notice of notices) hooks.notice?.(notice);
  };

  const holds: StationHolds = {
    shelf,
    withinCommit(row, action, commandId) {
      const open = openHoldOfIntake(db, row.intake_id);
      if ((action === 'decide' || action === 'correct') && row.verdict_json !== null) {
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
      const [result, notices] = db.transaction(() => {
        const released = unwrap(shelf.release(ids, operator, note, { commandId }));
        return [released, recordNewVerdicts(released.items, 'lead', commandId)] as const;
      })();
      onChanged();
      emit(notices);
      return result;
    },
    convertToReturn: (ids, operator, note, commandId) => {
      const [result, notices] = db.transaction(() => {
        const returned = unwrap(shelf.convertToReturn(ids, operator, note, { commandId }));
        return [returned, recordNewVerdicts(returned.items, 'lead', commandId)] as const;
      })();
      onChanged();
      emit(notices);
      return result;
    },
    applyStatusChange(waybill, change, commandId) {
      const notices = db.transaction(() => recordNewVerdicts(shelf.applyStatusChange(waybill, change, { commandId }).items, 'hq', commandId))();
      onChanged();
      emit(notices);
    },
    expire() {
      const commandId = randomUUID();
      const [count, notices] = db.transaction(() => {
        const items = shelf.expireHolds(now());
        return [items.length, recordNewVerdicts(items.map((i) => ({ ...i, outcome: 'returned' })), 'station', commandId)] as const;
      })();
      if (count > 0) onChanged();
      emit(notices);
      return count;
    },
    waitingForPrealert: () => intakesWaitingForPrealert(db),
    repeatScanned(view) {
      if (!view.repeatScan) return;
      const hold = lastReleasedHoldOfIntake(db, view.intakeId);
      if (hold !== null) hooks.notice?.(releasedBeforeNotice(hold, view.scan.tracking, now()));
    },
    stop: () => clearInterval(timer),
  };
  // The first check runs when the station is fully built (createStation calls expire()), then periodically.
  const timer = setInterval(() => holds.expire(), EXPIRY_CHECK_MS);
  timer.unref();
  return holds;
}
