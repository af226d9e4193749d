/**
 * Who may run each command at a station. The station core enforces this table (a refused command gets a typed
 * error), the screen only hides what the signed-in person may not do. Every command must be classified: the
 * compiler refuses a command missing here.
 *   anyone   — nobody needs to be signed in (what the screen needs to draw itself and to sign in);
 *   operator — someone signed in, operator or lead;
 *   lead     — a signed-in lead.
 */
import type { CommandName } from './commandNames.ts';

export const ROLES = ['operator', 'lead'] as const;
export type Role = (typeof ROLES)[number];
export type CommandAccess = 'anyone' | Role;

export const COMMAND_ROLES = {
  'station.info': 'anyone',
  'intake.current': 'anyone',
  'intake.get': 'operator',
  'intake.recent': 'operator',
  'intake.scan': 'operator',
  'intake.captureWeight': 'operator',
  'intake.setDimensions': 'operator',
  'intake.reportDamage': 'operator',
  'intake.commitVerdict': 'operator',
  'intake.finish': 'operator',
  'intake.cancel': 'operator',
  'intake.correct': 'lead',
  'lookup.search': 'operator',
  'lookup.parcel': 'operator',
  'holds.list': 'operator',
  'holds.release': 'lead',
  'holds.convertToReturn': 'lead',
  'scale.status': 'anyone',
  'scale.simulate': 'anyone',
  'sync.status': 'anyone',
  'sync.deadLetters': 'lead',
  'sync.now': 'operator',
  'print.queue': 'operator',
  'print.document': 'operator',
  'print.reprint': 'operator',
  'print.retry': 'operator',
  'print.content': 'operator',
  'print.confirm': 'operator',
  'print.test': 'lead',
  'printer.list': 'operator',
  'printer.get': 'operator',
  'printer.set': 'lead',
  'settings.get': 'anyone',
  'settings.update': 'lead',
  'summary.day': 'lead',
  'exceptions.list': 'lead',
  'holds.audit': 'lead',
  'sync.retryDeadLetter': 'lead',
  'sync.resolveDeadLetter': 'lead',
  'intake.markInspected': 'lead',
  'session.current': 'anyone',
  'session.signIn': 'anyone',
  'session.signOut': 'anyone',
  'session.touch': 'operator',
  'operators.list': 'lead',
  'operators.add': 'lead',
  'operators.update': 'lead',
  'operators.resetPin': 'lead',
  'photos.begin': 'operator',
  'photos.chunk': 'operator',
  'photos.finish': 'operator',
  'photos.list': 'operator',
  'photos.read': 'operator',
} as const satisfies Record<CommandName, CommandAccess>;

/** Whether a person with `role` (null: nobody signed in) may run a command needing `access`. */
export function mayRun(access: CommandAccess, role: Role | null): boolean {
  if (access === 'anyone') return true;
  if (role === null) return false;
  return access === 'operator' || role === 'lead';
}
