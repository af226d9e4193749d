/**
 * The demo's people: an operator and a lead with PINs written in resources/demo/README.md, added to a demo station
 * that has no operators yet (never to a station that has some). Real stations get their first lead from the CLI
 * (`npm run cli -- operator-add`).
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../shared/contract/commandRoles.ts';
import { listOperatorRows } from '../db/queries/operators.ts';
import { addOperator } from './operatorRoster.ts';

export interface DemoPerson {
  readonly operatorId: string;
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
}

export const DEMO_OPERATOR: DemoPerson = { operatorId: '1001', name: 'Dana Reyes', role: 'operator', pin: '1234' };
export const DEMO_LEAD: DemoPerson = { operatorId: '9001', name: 'Lee Park', role: 'lead', pin: '9999' };

/** Adds the demo operator and lead to a station with no operators; returns how many were added. */
export async function seedDemoOperators(db: Database, now: number): Promise<number> {
  if (listOperatorRows(db).length > 0) return 0;
  for (const person of [DEMO_OPERATOR, DEMO_LEAD]) await addOperator(db, person, now);
  return 2;
}
