/**
 * Adding and changing operators: the one place the rules live, used by the lead's screen (through the station's
 * commands) and by the station tool (electron/cli/commands/operator-*.ts). The station never keeps its last active
 * lead from being reachable: disabling or demoting the only lead is refused (LAST_LEAD). Every change writes its
 * operator event for HQ (operatorEvents.ts) in its own transaction; a command retried with the same command id is
 * applied once and answers the operator as it now is.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../shared/contract/commandRoles.ts';
import type { Operator } from '../../shared/contract/operators.ts';
import {
  countActiveLeads, getOperatorRow, insertOperator, listOperatorRows, setOperatorPinHash, toOperator, updateOperator, type OperatorRow,
} from '../db/queries/operators.ts';
import { commandRecorded } from '../db/queries/events.ts';
import { recordRosterChange, type OperatorEventContext } from './operatorEvents.ts';
import { hashPin } from './pinHash.ts';
import { StationError, storageError } from './stationError.ts';

/** Who changes the roster and under which command id (operatorEvents.ts); `within` runs inside the transaction. */
export interface RosterContext extends OperatorEventContext {
  readonly within?: ((change: RosterChange) => void) | undefined;
}

export interface OperatorChange {
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
}

/** What changed, for the caller's event (OPERATOR_ADDED / OPERATOR_UPDATED); the PIN hash is never in it. */
export interface RosterChange {
  readonly operator: Operator;
  readonly kind: 'added' | 'updated' | 'pinReset';
}

function write<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StationError) throw error;
    throw storageError(error);
  }
}

function existing(db: Database, operatorId: string): OperatorRow {
  const row = getOperatorRow(db, operatorId);
  if (!row) throw new StationError('NOT_FOUND', `There is no operator ${operatorId} on this station. Check the id.`, 'operatorId');
  return row;
}

/** The operator as they are now, if this command id was applied before (a retried command). */
function alreadyApplied(db: Database, operatorId: string, kind: RosterChange['kind'], context: RosterContext): RosterChange | null {
  if (context.commandId === undefined || !commandRecorded(db, context.commandId)) return null;
  return { operator: toOperator(existing(db, operatorId)), kind };
}

function recorded(db: Database, change: RosterChange, at: number, context: RosterContext): RosterChange {
  recordRosterChange(db, change.kind, change.operator, at, context);
  context.within?.(change);
  return change;
}

export function listOperators(db: Database): Operator[] {
  return listOperatorRows(db).map(toOperator);
}

export async function addOperator(db: Database, op: { operatorId: string; name: string; role: Role; pin: string }, at: number, context: RosterContext = {}): Promise<RosterChange> {
  const retried = alreadyApplied(db, op.operatorId, 'added', context);
  if (retried) return retried;
  if (getOperatorRow(db, op.operatorId)) throw new StationError('OPERATOR_EXISTS', `Operator ${op.operatorId} already exists. Choose another id, or change that operator instead.`, 'operatorId');
  const pinHash = await hashPin(op.pin);
  return write(() => db.transaction(() => {
    if (getOperatorRow(db, op.operatorId)) throw new StationError('OPERATOR_EXISTS', `Operator ${op.operatorId} already exists. Choose another id, or change that operator instead.`, 'operatorId');
    insertOperator(db, { operatorId: op.operatorId, name: op.name, role: op.role, pinHash, at });
    return recorded(db, { operator: { operatorId: op.operatorId, name: op.name, role: op.role, active: true }, kind: 'added' }, at, context);
  })());
}

export function changeOperator(db: Database, operatorId: string, change: OperatorChange, at: number, context: RosterContext = {}): RosterChange {
  return write(() => db.transaction(() => {
    const retried = alreadyApplied(db, operatorId, 'updated', context);
    if (retried) return retried;
    const row = existing(db, operatorId);
    const next = { name: change.name ?? row.name, role: change.role ?? row.role, active: change.active ?? row.active === 1 };
    const wasActiveLead = row.role === 'lead' && row.active === 1;
    const staysActiveLead = next.role === 'lead' && next.active;
    if (wasActiveLead && !staysActiveLead && countActiveLeads(db) <= 1) {
      throw new StationError('LAST_LEAD', `${row.name} is the only active lead on this station. Make another person a lead first.`);
    }
    updateOperator(db, operatorId, next, at);
    return recorded(db, { operator: { operatorId, ...next }, kind: 'updated' }, at, context);
  })());
}

export async function resetOperatorPin(db: Database, operatorId: string, pin: string, at: number, context: RosterContext = {}): Promise<RosterChange> {
  const retried = alreadyApplied(db, operatorId, 'pinReset', context);
  if (retried) return retried;
  existing(db, operatorId);
  const pinHash = await hashPin(pin);
  return write(() => db.transaction(() => {
    const row = existing(db, operatorId);
    setOperatorPinHash(db, operatorId, pinHash, at);
    return recorded(db, { operator: toOperator(row), kind: 'pinReset' }, at, context);
  })());
}
