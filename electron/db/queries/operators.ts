/**
 * SQL for the operators table (migration 0090). Rows are checked with zod as they are read: a damaged row is an
 * error, never a guess. The PIN hash stays in this module and electron/station/: no answer to a screen carries it.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/contract/commandRoles.ts';
import type { Operator } from '../../../shared/contract/operators.ts';
import { prepared } from '../statementCache.ts';

const OperatorRowSchema = z.object({
  operator_id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.union([z.literal(0), z.literal(1)]),
  pin_hash: z.string(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type OperatorRow = z.infer<typeof OperatorRowSchema>;

const COLUMNS = 'operator_id, name, role, active, pin_hash, created_at, updated_at';

export function toOperator(row: OperatorRow): Operator {
  return { operatorId: row.operator_id, name: row.name, role: row.role, active: row.active === 1 };
}

export function getOperatorRow(db: Database, operatorId: string): OperatorRow | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM operators WHERE operator_id = ?`).get(operatorId);
  return row === undefined ? null : OperatorRowSchema.parse(row);
}

export function listOperatorRows(db: Database): OperatorRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM operators ORDER BY operator_id`).all().map((row) => OperatorRowSchema.parse(row));
}

export function countActiveLeads(db: Database): number {
  const row = prepared(db, `SELECT count(*) AS n FROM operators WHERE role = 'lead' AND active = 1`).get() as { n: number };
  return row.n;
}

export interface NewOperatorRow {
  readonly operatorId: string;
  readonly name: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly at: number;
}

export function insertOperator(db: Database, op: NewOperatorRow): void {
  prepared(db, `INSERT INTO operators (${COLUMNS}) VALUES (?, ?, ?, 1, ?, ?, ?)`).run(op.operatorId, op.name, op.role, op.pinHash, op.at, op.at);
}

export function updateOperator(db: Database, operatorId: string, change: { name: string; role: Role; active: boolean }, at: number): void {
  prepared(db, 'UPDATE operators SET name = ?, role = ?, active = ?, updated_at = ? WHERE operator_id = ?')
    .run(change.name, change.role, change.active ? 1 : 0, at, operatorId);
}

export function setOperatorPinHash(db: Database, operatorId: string, pinHash: string, at: number): void {
  prepared(db, 'UPDATE operators SET pin_hash = ?, updated_at = ? WHERE operator_id = ?').run(pinHash, at, operatorId);
}
