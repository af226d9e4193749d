/**
 * The session and operator-management commands (shared/contract/operators.ts). Who may run them is in
 * shared/contract/commandRoles.ts and enforced by commandGate.ts; the rules of a change are in operatorRoster.ts.
 */
import type { Database } from 'better-sqlite3';
import type { CommandHandlers } from './commandHandlers.ts';
import type { OPERATOR_COMMANDS } from '../../shared/contract/operators.ts';
import { addOperator, changeOperator, listOperators, resetOperatorPin } from './operatorRoster.ts';
import type { StationSession } from './stationSession.ts';

type OperatorCommand = keyof typeof OPERATOR_COMMANDS;

export interface OperatorHandlerDeps {
  readonly db: Database;
  readonly now: () => number;
  readonly session: StationSession;
}

export function operatorHandlers({ db, now, session }: OperatorHandlerDeps): Pick<CommandHandlers, OperatorCommand> {
  /** The command and the lead who ran it, for the operator event HQ receives (operatorEvents.ts). */
  const byLead = (commandId: string) => ({ commandId, by: session.state().session?.operatorId ?? null });
  return {
    'session.current': () => session.state(),
    'session.signIn': (req) => session.signIn(req.operatorId, req.pin),
    'session.signOut': () => session.signOut('signedOut'),
    'session.touch': () => {
      session.touch();
      return {};
    },
    'operators.list': () => listOperators(db),
    'operators.add': async (req) => (await addOperator(db, req, now(), byLead(req.commandId))).operator,
    'operators.update': (req) => {
      const { operator } = changeOperator(db, req.operatorId, req, now(), byLead(req.commandId));
      session.operatorChanged(req.operatorId);
      return operator;
    },
    'operators.resetPin': async (req) => (await resetOperatorPin(db, req.operatorId, req.pin, now(), byLead(req.commandId))).operator,
  };
}
