/**
 * The operator events the station sends to HQ (issue 12 item 1): who was added or changed, whose PIN was reset, who
 * signed in and out. They go into the station's one event log and outbox (eventLog.ts) with no intake, in the same
 * transaction as the change they record, so they keep the station's numbering and HQ's exactly-once rules. A payload
 * names the person by id, name and role; it never holds a PIN or a PIN hash. HQ checks each payload
 * (hq/ingest/eventPayloadSchemas.ts) and keeps each operator's latest state (the hq_operators view).
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/contract/commandRoles.ts';
import type { Operator, SignOutCause } from '../../shared/contract/operators.ts';
import { appendEvent } from './eventLog.ts';

export const OPERATOR_EVENT_TYPES = ['OPERATOR_ADDED', 'OPERATOR_UPDATED', 'OPERATOR_PIN_RESET', 'OPERATOR_SIGNED_IN', 'OPERATOR_SIGNED_OUT'] as const;
export type OperatorEventType = (typeof OPERATOR_EVENT_TYPES)[number];

/** Who made a roster change (the signed-in lead's id), and the command's id; absent for the station tool. */
export interface OperatorEventContext {
  readonly commandId?: string | undefined;
  readonly by?: string | null | undefined;
}

export type OperatorEventPayload =
  | { readonly operatorId: string; readonly name: string; readonly role: Role; readonly active: boolean; readonly by: string | null }
  | { readonly operatorId: string; readonly by: string | null }
  | { readonly operatorId: string; readonly name: string; readonly role: Role }
  | { readonly operatorId: string; readonly cause: SignOutCause; readonly idleMinutes: number | null };

function record(db: Database, type: OperatorEventType, payload: OperatorEventPayload, at: number, commandId?: string): void {
  appendEvent(db, { intakeId: null, commandId: commandId ?? randomUUID(), type, payload, at });
}

/** OPERATOR_ADDED / OPERATOR_UPDATED / OPERATOR_PIN_RESET for a roster change. Call inside the change's transaction. */
export function recordRosterChange(db: Database, kind: 'added' | 'updated' | 'pinReset', operator: Operator, at: number, context: OperatorEventContext): void {
  const by = context.by ?? null;
  if (kind === 'pinReset') {
    record(db, 'OPERATOR_PIN_RESET', { operatorId: operator.operatorId, by }, at, context.commandId);
    return;
  }
  const payload = { operatorId: operator.operatorId, name: operator.name, role: operator.role, active: operator.active, by };
  record(db, kind === 'added' ? 'OPERATOR_ADDED' : 'OPERATOR_UPDATED', payload, at, context.commandId);
}

export function recordSignedIn(db: Database, person: { operatorId: string; name: string; role: Role }, at: number): void {
  record(db, 'OPERATOR_SIGNED_IN', { operatorId: person.operatorId, name: person.name, role: person.role }, at);
}

export function recordSignedOut(db: Database, operatorId: string, cause: SignOutCause, idleMinutes: number | null, at: number): void {
  record(db, 'OPERATOR_SIGNED_OUT', { operatorId, cause, idleMinutes }, at);
}
