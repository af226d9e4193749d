/**
 * The command names alone, with no schema library, so the sandboxed preload can bundle them cheaply. commands.ts
 * checks at compile time that this list and the schema map match exactly.
 */
export const COMMAND_NAMES = [
  'station.info',
  'intake.current',
  'intake.get',
  'intake.recent',
  'intake.scan',
  'intake.captureWeight',
  'intake.setDimensions',
  'intake.reportDamage',
  'intake.commitVerdict',
  'intake.finish',
  'intake.cancel',
  'intake.correct',
  'lookup.search',
  'lookup.parcel',
  'holds.list',
  'holds.release',
  'holds.convertToReturn',
  'scale.status',
  'scale.simulate',
  'sync.status',
  'sync.deadLetters',
  'sync.now',
  'print.queue',
  'print.document',
  'print.reprint',
  'print.retry',
  'print.content',
  'print.confirm',
  'print.test',
  'printer.list',
  'printer.get',
  'printer.set',
  'settings.get',
  'settings.update',
  'summary.day',
  'exceptions.list',
  'holds.audit',
  'sync.retryDeadLetter',
  'sync.resolveDeadLetter',
  'intake.markInspected',
  'session.current',
  'session.signIn',
  'session.signOut',
  'session.touch',
  'operators.list',
  'operators.add',
  'operators.update',
  'operators.resetPin',
  'photos.begin',
  'photos.chunk',
  'photos.finish',
  'photos.list',
  'photos.read',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const EVENT_NAMES = ['weight', 'scaleIndication', 'deviceStatus', 'intake', 'scanRejected', 'captureFailed', 'syncProgress', 'printQueue', 'notice', 'session'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The Electron IPC channel of a command or event stream. */
export const commandChannel = (name: CommandName): string => `ecms:cmd:${name}`;
export const eventChannel = (name: EventName): string => `ecms:evt:${name}`;
