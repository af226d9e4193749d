/**
 * The exceptions a lead acts on, at this station: lists them (dead letters, holds near expiry, flagged parcels not
 * inspected yet), reads the hold shelf's audit log, and runs the actions — retry or resolve a dead letter, mark a
 * flagged parcel inspected (one PARCEL_INSPECTED event with its outbox row, so HQ hears of it).
 */
import type { Database } from 'better-sqlite3';
import type { CommandResponse, ParsedRequest } from '../../shared/contract/commands.ts';
import { HOLD_NEAR_EXPIRY_DAYS, INSPECTION_LOOKBACK_DAYS } from '../../shared/contract/exceptions.ts';
import { DAY_MS, type HoldBucketGroup } from '../../shared/rules/holdAging.ts';
import { maskFreeText } from '../../shared/privacy/maskFreeText.ts';
import { awaitingInspection, holdAuditLog, INSPECTED_EVENT, openDeadLetters, resolveDeadLetter } from '../db/queries/exceptions.ts';
import { requeueDeadLetter } from '../db/queries/outbox.ts';
import { getIntakeRow } from '../db/queries/intakes.ts';
import { intakeOfCommand } from '../db/queries/events.ts';
import { appendEvent } from './eventLog.ts';
import { StationError } from './stationError.ts';

export interface ExceptionDeps {
  readonly db: Database;
  /** Station time. */
  readonly now: () => number;
  /** Who is acting (the signed-in person). */
  readonly operator: () => string;
  readonly listHolds: () => readonly HoldBucketGroup[];
  /** Wake the pusher after a retry or a new event. */
  readonly nudgeSync: () => void;
}

type Handler<N extends 'exceptions.list' | 'holds.audit' | 'sync.retryDeadLetter' | 'sync.resolveDeadLetter' | 'intake.markInspected'> = (
  req: ParsedRequest<N>,
) => CommandResponse<N>;

export function createStationExceptions(deps: ExceptionDeps) {
  const { db } = deps;
  const list: Handler<'exceptions.list'> = (req) => {
    const now = deps.now();
    return {
      deadLetters: openDeadLetters(db, req.limit).map((r) => ({
        seq: r.seq, eventId: r.event_id, intakeId: r.intake_id, type: r.type, code: r.code, message: r.message, deadAt: r.dead_at,
      })),
      holdsNearExpiry: deps.listHolds().flatMap((g) => g.holds).filter((h) => h.expiresAt - now <= HOLD_NEAR_EXPIRY_DAYS * DAY_MS)
        .sort((a, b) => a.expiresAt - b.expiresAt).slice(0, req.limit).map((h) => ({ ...h, reasons: [...h.reasons] })),
      awaitingInspection: awaitingInspection(db, now - INSPECTION_LOOKBACK_DAYS * DAY_MS, req.limit),
    };
  };
  const audit: Handler<'holds.audit'> = (req) =>
    holdAuditLog(db, req.holdId ?? null, req.limit).map((r) => ({
      auditId: r.audit_id, holdId: r.hold_id, intakeId: r.intake_id, waybill: r.waybill, location: r.location,
      action: r.action as CommandResponse<'holds.audit'>[number]['action'], operator: r.operator, note: r.note, batchId: r.batch_id, at: r.at,
    }));
  const retry: Handler<'sync.retryDeadLetter'> = (req) => {
    const changed = requeueDeadLetter(db, req.seq);
    if (changed) deps.nudgeSync();
    return { changed };
  };
  const resolve: Handler<'sync.resolveDeadLetter'> = (req) => ({ changed: resolveDeadLetter(db, req.seq, deps.operator(), maskFreeText(req.note), deps.now()) });
  const markInspected: Handler<'intake.markInspected'> = (req) => {
    const changed = db.transaction(() => {
      if (intakeOfCommand(db, req.commandId) !== null) return false; // a retried command: applied once
      const row = getIntakeRow(db, req.intakeId);
      if (row === null) throw new StationError('NOT_FOUND', 'That parcel is not on this station.');
      const waiting = awaitingInspection(db, row.created_at, 1_000).find((w) => w.intakeId === req.intakeId);
      if (!waiting) throw new StationError('INVALID_STATE', 'This parcel is not waiting for an inspection.');
      appendEvent(db, {
        intakeId: req.intakeId, commandId: req.commandId, type: INSPECTED_EVENT, at: deps.now(),
        payload: { codes: waiting.codes, note: maskFreeText(req.note), operator: deps.operator() },
      });
      return true;
    })();
    if (changed) deps.nudgeSync();
    return { changed };
  };
  return {
    handlers: { 'exceptions.list': list, 'holds.audit': audit, 'sync.retryDeadLetter': retry, 'sync.resolveDeadLetter': resolve, 'intake.markInspected': markInspected },
  };
}
