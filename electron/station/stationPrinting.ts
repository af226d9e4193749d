/**
 * Printing inside the station: the persistent print queue, automatic printing after a verdict (in the verdict's
 * transaction, so the jobs exist exactly when the verdict does), the "Print" button through the state machine, and
 * the print commands of the contract. Print failures reach the UI as typed error codes.
 */
import type { Database } from 'better-sqlite3';
import { PrintQueue } from '../printing/printQueue.ts';
import { printCommandHandlers } from '../printing/printCommandHandlers.ts';
import { printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import type { CommandHandlers } from './commandHandlers.ts';
import type { IntakeService } from './intakeService.ts';
import type { StationEvents } from './stationEvents.ts';
import type { StationSettings } from '../../shared/contract/settings.ts';
import { getIntakeRow, openIntakeRow, toIntakeView, type IntakeRow } from '../db/queries/intakes.ts';
import { documentBasis } from '../printing/documentBasis.ts';
import type { IntakeAction } from '../../shared/intake/intakeMachine.ts';
import { StationError } from './stationError.ts';
import { warmCjkFonts } from '../printing/fonts/warmCjkFonts.ts';
import { processLogger } from '../log/processLogger.ts';

/** The station's own start-up (scale, sync, first screen) goes first. */
const FONT_WARM_UP_DELAY_MS = 1_500;

type PrintCommand = 'print.queue' | 'print.document' | 'print.reprint' | 'print.retry' | 'print.content' | 'print.confirm' | 'print.test' | 'printer.list' | 'printer.get' | 'printer.set';

export interface StationPrinting {
  readonly queue: PrintQueue;
  withinCommit(row: Readonly<IntakeRow>, action: IntakeAction, commandId: string): void;
  /**
   * A verdict changed outside the intake workflow (a hold released or turned into a return): inside that
   * transaction, the parcel's old documents are voided and the new verdict's print by the auto-print rule.
   */
  verdictChanged(intakeId: string, commandId: string, reason: string): void;
  handlers(intake: IntakeService): Pick<CommandHandlers, PrintCommand>;
  stop(): Promise<void>;
}

/** Why a change voids the parcel's earlier documents (null: the change cannot make a document wrong). */
const VOID_REASONS: Readonly<Record<IntakeAction, string | null>> = {
  scan: null, print: null, finish: null,
  weigh: 'the weight was corrected', setDimensions: 'the size was corrected', reportDamage: 'the damage report changed',
  decide: 'the verdict changed', cancel: 'the parcel was cancelled', correct: 'a lead corrected the parcel',
};

function unwrap<T>(outcome: PrintOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new StationError(outcome.error.code, outcome.error.message);
}

export function createStationPrinting(db: Database, settings: () => StationSettings, events: StationEvents, now: () => number): StationPrinting {
  const queue = new PrintQueue({ db, now, station: () => ({ stationId: settings().stationId, warehouse: settings().warehouse }), ports: { systemPrinter: null } });
  queue.onStatus((status) => {
    events.emit('printQueue', status);
    // The open parcel's card lists its documents: it is drawn again when one of them changed (printed, void …).
    const open = openIntakeRow(db);
    if (open !== null && status.jobs.some((job) => job.intakeId === open.intake_id)) events.emit('intake', toIntakeView(db, open));
  });
  queue.start();
  // The label fonts load in the background once the station is open, so the first label in Chinese, Japanese or
  // Korean does not wait for one (electron/printing/fonts/warmCjkFonts.ts).
  const fonts = warmCjkFonts(processLogger(), { startDelayMs: FONT_WARM_UP_DELAY_MS });
  return {
    queue,
    withinCommit(row, action, commandId) {
      const reason = VOID_REASONS[action];
      if (reason === null) return;
      const view = toIntakeView(db, row as IntakeRow);
      // Documents made from other facts than the parcel's now are void (a cancelled parcel voids them all).
      const basis = action === 'cancel' ? null : documentBasis(view);
      unwrap(queue.voidStale(view, basis, reason));
      // Automatic printing after a verdict, as configured per verdict; a document that cannot be made is recorded
      // by the queue (DOCUMENT_NOT_PRINTED) and shown — it never blocks the verdict.
      if ((action === 'decide' || action === 'correct') && basis !== null) unwrap(queue.enqueueForVerdict(commandId, view, basis));
    },
    verdictChanged(intakeId, commandId, reason) {
      const row = getIntakeRow(db, intakeId);
      if (row === null) return;
      const view = toIntakeView(db, row);
      const basis = documentBasis(view);
      unwrap(queue.voidStale(view, basis, reason));
      if (view.verdict !== null) unwrap(queue.enqueueForVerdict(`${commandId}:print:${intakeId}`, view, basis));
    },
    handlers(intake) {
      const base = printCommandHandlers({
        queue,
        intake: (intakeId) => {
          try {
            return printOk(intake.get(intakeId));
          } catch (error) {
            if (error instanceof StationError) return { ok: false, error: { code: 'DOCUMENT_UNAVAILABLE', message: error.message } };
            throw error;
          }
        },
        operator: () => settings().operator,
      });
      return {
        'print.queue': async (req) => unwrap(await base['print.queue'](req)),
        'print.document': (req) =>
          db.transaction(() => {
            const view = intake.print(req);
            return unwrap(queue.enqueueDocument(req.commandId, view, req.document, 'manual', documentBasis(view)));
          })(),
        'print.reprint': async (req) => unwrap(await base['print.reprint'](req)),
        'print.retry': async (req) => unwrap(await base['print.retry'](req)),
        'print.content': async (req) => unwrap(await base['print.content'](req)),
        'print.confirm': async (req) => unwrap(await base['print.confirm'](req)),
        'print.test': async (req) => unwrap(await base['print.test'](req)),
        'printer.list': async (req) => unwrap(await base['printer.list'](req)),
        'printer.get': async (req) => unwrap(await base['printer.get'](req)),
        'printer.set': async (req) => unwrap(await base['printer.set'](req)),
      };
    },
    stop: () => {
      fonts.stop();
      return queue.stop();
    },
  };
}
