/**
 * The hold-shelf service: puts held parcels on a shelf location, lists holds by age bucket, turns overdue holds into
 * returns, releases holds when HQ reports the ID received or the duties paid, and releases / converts to returns in
 * batch for a supervisor. Every change writes the hold row, an audit row and (through the injected event sink) one
 * event + outbox row for HQ, all in one transaction. The clock is injected; the aging rules are pure
 * (shared/rules/holdAging.ts).
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { NOTE_MIN_LENGTH } from '../../shared/contract/limits.ts';
import type { Destination } from '../../shared/manifest/destinations.ts';
import {
  DEFAULT_HOLD_POLICY,
  applyStatusToHold,
  convertedHoldVerdict,
  expiredHoldVerdict,
  groupHoldsByAge,
  holdExpiresAt,
  latestExpiredHeldAt,
  releasedHoldVerdict,
  type HoldBucketGroup,
  type HoldPolicy,
  type StatusChange,
} from '../../shared/rules/holdAging.ts';
import type { Verdict, VerdictReason } from '../../shared/rules/verdict.ts';
import { getIntakeRow, intakeExists, verdictOf } from '../db/queries/intakes.ts';
import type { HoldEventSink } from './holdEvents.ts';
import {
  auditOf,
  closeHold,
  getHold,
  insertAudit,
  insertHold,
  linkHoldToWaybill,
  occupiedLocations,
  openHoldOfIntake,
  openHolds,
  openHoldsHeldBy,
  openHoldsOfWaybill,
  rowDestination,
  rowReasons,
  toHoldRecord,
  updateReasons,
  type AuditRow,
  type HoldRow,
} from '../db/queries/holds.ts';
import { DEFAULT_SHELF_LAYOUT, firstFreeLocation, type ShelfLayout } from './shelfLayout.ts';

export const HOLD_ERROR_CODES = ['NOT_A_HOLD', 'INTAKE_NOT_FOUND', 'NOTE_REQUIRED', 'OPERATOR_REQUIRED', 'EMPTY_SELECTION'] as const;
export type HoldErrorCode = (typeof HOLD_ERROR_CODES)[number];
export type HoldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly code: HoldErrorCode; readonly message: string } };

const fail = <T>(code: HoldErrorCode, message: string): HoldResult<T> => ({ ok: false, error: { code, message } });

/** The operator recorded for changes the station makes by itself. */
export const SYSTEM_OPERATOR = 'system';
const MAX_BATCH = 500;

export interface HoldShelfDeps {
  readonly db: Database;
  readonly appendEvent: HoldEventSink;
  readonly clock: () => number;
  readonly layout?: ShelfLayout;
  readonly policy?: HoldPolicy;
  readonly newId?: () => string;
}

export interface PlaceOnHoldInput {
  readonly intakeId: string;
  readonly waybill: string | null;
  readonly destination: Destination | null;
  /** The committed verdict; its decision must be HOLD. Its HOLD reasons are what the hold waits on. */
  readonly verdict: Verdict;
  readonly operator: string;
  /** The command that decided the hold (the event's command id is derived from it). */
  readonly commandId: string;
}

export interface PlacedHold {
  readonly holdId: string;
  readonly location: string;
  readonly heldAt: number;
  readonly expiresAt: number;
  /** True when the intake was already on the shelf (a retried or repeated command): same hold, same place. */
  readonly alreadyHeld: boolean;
}

export type BatchItemOutcome = 'released' | 'returned' | 'not_found' | 'not_held';

export interface BatchResult {
  readonly batchId: string;
  readonly items: ReadonlyArray<{ readonly holdId: string; readonly outcome: BatchItemOutcome; readonly intakeId?: string; readonly verdict?: Verdict }>;
}

export interface StatusChangeResult {
  readonly items: ReadonlyArray<{
    readonly holdId: string;
    readonly intakeId: string;
    readonly outcome: 'released' | 'reasons_changed' | 'unchanged';
    /** A released hold's new verdict (ACCEPT: relabel and send on): the intake shows it from then on. */
    readonly verdict?: Verdict;
  }>;
}

export interface ExpiredHold {
  readonly holdId: string;
  readonly intakeId: string;
  readonly waybill: string | null;
  readonly location: string;
  /** The parcel's new verdict: RETURN with HOLD_EXPIRED. */
  readonly verdict: Verdict;
}

export interface HoldShelf {
  placeOnHold(input: PlaceOnHoldInput): HoldResult<PlacedHold>;
  listHolds(now: number): HoldBucketGroup[];
  expireHolds(now: number): ExpiredHold[];
  applyStatusChange(waybill: string, change: StatusChange, options: { readonly commandId: string }): StatusChangeResult;
  release(holdIds: readonly string[], operator: string, note: string, options?: { readonly commandId?: string }): HoldResult<BatchResult>;
  convertToReturn(holdIds: readonly string[], operator: string, note: string, options?: { readonly commandId?: string }): HoldResult<BatchResult>;
  audit(holdId: string): AuditRow[];
}

const reasonSummary = (reasons: readonly VerdictReason[]) => reasons.map((r) => ({ code: r.code, message: r.message }));

export function createHoldShelf(deps: HoldShelfDeps): HoldShelf {
  const { db, appendEvent, clock } = deps;
  const layout = deps.layout ?? DEFAULT_SHELF_LAYOUT;
  const policy = deps.policy ?? DEFAULT_HOLD_POLICY;
  const newId = deps.newId ?? randomUUID;

  function checkBatch(holdIds: readonly string[], operator: string, note: string): HoldResult<null> {
    if (holdIds.length === 0 || holdIds.length > MAX_BATCH) return fail('EMPTY_SELECTION', `Select between 1 and ${MAX_BATCH} holds.`);
    if (operator.trim().length === 0) return fail('OPERATOR_REQUIRED', 'Who is doing this? An operator is required.');
    if (note.trim().length < NOTE_MIN_LENGTH) return fail('NOTE_REQUIRED', `Write a short note saying why (at least ${NOTE_MIN_LENGTH} characters); it is kept in the audit log.`);
    return { ok: true, value: null };
  }

  function closeBatch(
    holdIds: readonly string[],
    operator: string,
    note: string,
    commandId: string | undefined,
    kind: 'release' | 'return',
  ): HoldResult<BatchResult> {
    const checked = checkBatch(holdIds, operator, note);
    if (!checked.ok) return checked;
    const batchId = commandId ?? newId();
    const trimmed = note.trim();
    const run = db.transaction((): BatchResult => {
      const at = clock();
      const items: BatchResult['items'][number][] = [];
      for (const holdId of [...new Set(holdIds)]) {
        const row = getHold(db, holdId);
        if (!row) {
          items.push({ holdId, outcome: 'not_found' });
          continue;
        }
        if (row.state !== 'held') {
          items.push({ holdId, outcome: 'not_held', intakeId: row.intake_id });
          continue;
        }
        const reasons = rowReasons(row);
        if (kind === 'release') {
          closeHold(db, holdId, 'released', 'manual_release', operator, trimmed, at);
          insertAudit(db, { holdId, action: 'released', operator, note: trimmed, batchId, detail: { location: row.location, reasons: reasons.map((r) => r.code) }, at });
          appendEvent(db, {
            intakeId: row.intake_id,
            commandId: `${batchId}:release:${holdId}`,
            type: 'HOLD_RELEASED',
            payload: { holdId, waybill: row.waybill, location: row.location, cause: 'manual_release', operator, note: trimmed, batchId, reasons: reasonSummary(reasons) },
            at,
          });
          items.push({ holdId, outcome: 'released', intakeId: row.intake_id });
        } else {
          const verdict = convertedHoldVerdict(reasons);
          closeHold(db, holdId, 'returned', 'manual_return', operator, trimmed, at);
          insertAudit(db, { holdId, action: 'returned', operator, note: trimmed, batchId, detail: { location: row.location, reasons: reasons.map((r) => r.code) }, at });
          appendEvent(db, {
            intakeId: row.intake_id,
            commandId: `${batchId}:return:${holdId}`,
            type: 'HOLD_RETURNED',
            payload: { holdId, waybill: row.waybill, location: row.location, cause: 'manual_return', operator, note: trimmed, batchId, verdict },
            at,
          });
          items.push({ holdId, outcome: 'returned', intakeId: row.intake_id, verdict });
        }
      }
      return { batchId, items };
    });
    return { ok: true, value: run() };
  }

  return {
    placeOnHold(input) {
      if (input.verdict.decision !== 'HOLD') return fail('NOT_A_HOLD', `The verdict is ${input.verdict.decision}, not HOLD: nothing to put on the shelf.`);
      if (input.operator.trim().length === 0) return fail('OPERATOR_REQUIRED', 'An operator is required.');
      const reasons = input.verdict.reasons.filter((r) => r.effect === 'HOLD');
      const run = db.transaction((): HoldResult<PlacedHold> => {
        if (!intakeExists(db, input.intakeId)) return fail('INTAKE_NOT_FOUND', `No intake ${input.intakeId} on this station.`);
        const at = clock();
        const open = openHoldOfIntake(db, input.intakeId);
        if (open) {
          if (open.waybill === null && input.waybill !== null) linkHoldToWaybill(db, open.hold_id, input.waybill, input.destination, at);
          const before = rowReasons(open);
          if (JSON.stringify(before) !== JSON.stringify(reasons)) {
            updateReasons(db, open.hold_id, reasons, at);
            insertAudit(db, { holdId: open.hold_id, action: 'reasons_changed', operator: input.operator, note: null, batchId: null, detail: { before: before.map((r) => r.code), after: reasons.map((r) => r.code) }, at });
            appendEvent(db, {
              intakeId: input.intakeId,
              commandId: `${input.commandId}:hold-reasons`,
              type: 'HOLD_REASONS_CHANGED',
              payload: { holdId: open.hold_id, waybill: input.waybill ?? open.waybill, location: open.location, reasons: reasonSummary(reasons), cause: 'new_verdict' },
              at,
            });
          }
          return { ok: true, value: { holdId: open.hold_id, location: open.location, heldAt: open.held_at, expiresAt: holdExpiresAt(open.held_at, policy), alreadyHeld: true } };
        }
        const holdId = newId();
        const location = firstFreeLocation(layout, occupiedLocations(db));
        const row: HoldRow = {
          hold_id: holdId,
          intake_id: input.intakeId,
          waybill: input.waybill,
          destination: input.destination,
          location,
          state: 'held',
          reasons_json: JSON.stringify(reasons),
          held_at: at,
          closed_at: null,
          closed_by: null,
          close_cause: null,
          close_note: null,
          updated_at: at,
        };
        insertHold(db, row);
        insertAudit(db, { holdId, action: 'placed', operator: input.operator, note: null, batchId: null, detail: { location, reasons: reasons.map((r) => r.code) }, at });
        appendEvent(db, {
          intakeId: input.intakeId,
          commandId: `${input.commandId}:hold-placed`,
          type: 'HOLD_PLACED',
          payload: { holdId, waybill: input.waybill, location, heldAt: at, expiresAt: holdExpiresAt(at, policy), reasons: reasonSummary(reasons), operator: input.operator },
          at,
        });
        return { ok: true, value: { holdId, location, heldAt: at, expiresAt: holdExpiresAt(at, policy), alreadyHeld: false } };
      });
      return run();
    },

    listHolds(now) {
      return groupHoldsByAge(openHolds(db).map(toHoldRecord), now, policy);
    },

    expireHolds(now) {
      const run = db.transaction((): ExpiredHold[] => {
        const out: ExpiredHold[] = [];
        for (const row of openHoldsHeldBy(db, latestExpiredHeldAt(now, policy))) {
          const verdict = expiredHoldVerdict(rowReasons(row), row.held_at, now, policy);
          closeHold(db, row.hold_id, 'returned', 'expired', SYSTEM_OPERATOR, null, now);
          insertAudit(db, { holdId: row.hold_id, action: 'expired', operator: SYSTEM_OPERATOR, note: null, batchId: null, detail: { heldAt: row.held_at, expiryDays: policy.expiryDays }, at: now });
          appendEvent(db, {
            intakeId: row.intake_id,
            commandId: `hold-expired:${row.hold_id}`,
            type: 'HOLD_RETURNED',
            payload: { holdId: row.hold_id, waybill: row.waybill, location: row.location, cause: 'expired', operator: SYSTEM_OPERATOR, verdict },
            at: now,
          });
          out.push({ holdId: row.hold_id, intakeId: row.intake_id, waybill: row.waybill, location: row.location, verdict });
        }
        return out;
      });
      return run();
    },

    applyStatusChange(waybill, change, options) {
      const run = db.transaction((): StatusChangeResult => {
        const at = clock();
        const items: StatusChangeResult['items'][number][] = [];
        for (const row of openHoldsOfWaybill(db, waybill)) {
          const destination = rowDestination(row);
          const reasons = rowReasons(row);
          if (destination === null) {
            items.push({ holdId: row.hold_id, intakeId: row.intake_id, outcome: 'unchanged' });
            continue;
          }
          const outcome = applyStatusToHold(reasons, destination, change);
          if (outcome.release) {
            const intake = getIntakeRow(db, row.intake_id);
            const held = intake === null ? null : verdictOf(intake);
            // The intake's HOLD verdict becomes ACCEPT; one whose verdict is no longer HOLD keeps what it has.
            const verdict = held?.decision === 'HOLD' ? releasedHoldVerdict(held) : undefined;
            closeHold(db, row.hold_id, 'released', 'auto_release', SYSTEM_OPERATOR, null, at);
            insertAudit(db, { holdId: row.hold_id, action: 'auto_released', operator: SYSTEM_OPERATOR, note: null, batchId: null, detail: { change, cleared: outcome.cleared }, at });
            appendEvent(db, {
              intakeId: row.intake_id,
              commandId: `${options.commandId}:release:${row.hold_id}`,
              type: 'HOLD_RELEASED',
              payload: { holdId: row.hold_id, waybill, location: row.location, cause: 'auto_release', operator: SYSTEM_OPERATOR, change, cleared: outcome.cleared, ...(verdict ? { verdict } : {}) },
              at,
            });
            items.push({ holdId: row.hold_id, intakeId: row.intake_id, outcome: 'released', ...(verdict ? { verdict } : {}) });
          } else if (outcome.cleared.length > 0 || outcome.added.length > 0) {
            updateReasons(db, row.hold_id, outcome.remaining, at);
            insertAudit(db, { holdId: row.hold_id, action: 'reasons_changed', operator: SYSTEM_OPERATOR, note: null, batchId: null, detail: { change, cleared: outcome.cleared, added: outcome.added }, at });
            appendEvent(db, {
              intakeId: row.intake_id,
              commandId: `${options.commandId}:reasons:${row.hold_id}`,
              type: 'HOLD_REASONS_CHANGED',
              payload: { holdId: row.hold_id, waybill, location: row.location, cause: 'hq_status', change, reasons: reasonSummary(outcome.remaining) },
              at,
            });
            items.push({ holdId: row.hold_id, intakeId: row.intake_id, outcome: 'reasons_changed' });
          } else {
            items.push({ holdId: row.hold_id, intakeId: row.intake_id, outcome: 'unchanged' });
          }
        }
        return { items };
      });
      return run();
    },

    release(holdIds, operator, note, options) {
      return closeBatch(holdIds, operator, note, options?.commandId, 'release');
    },

    convertToReturn(holdIds, operator, note, options) {
      return closeBatch(holdIds, operator, note, options?.commandId, 'return');
    },

    audit(holdId) {
      return auditOf(db, holdId);
    },
  };
}
