/**
 * One handler per proposed printing command (shared/printing/printContract.ts), over a PrintQueue. Each takes the
 * request as the contract schema parsed it and returns a PrintOutcome; the station's handler table turns a failure
 * into StationError(code, message) once PRINT_ERROR_CODES are in the contract's ERROR_CODES.
 *
 * 'print.document' (print the open parcel now) is not here on purpose: it is the intake state machine's `print`
 * action, so IntakeService applies it and calls queue.enqueueDocument(…, 'manual') in the same transaction.
 * A reprint from the history does not change the intake (a finished parcel stays finished).
 */
import type { z } from 'zod';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import type { PRINT_COMMANDS } from '../../shared/printing/printContract.ts';
import { printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import type { PrintQueue } from './printQueue.ts';

type Name = Exclude<keyof typeof PRINT_COMMANDS, 'print.document'>;
type Req<N extends Name> = z.output<(typeof PRINT_COMMANDS)[N]['request']>;
type Res<N extends Name> = z.output<(typeof PRINT_COMMANDS)[N]['response']>;

export type PrintCommandHandlers = { readonly [N in Name]: (request: Req<N>) => PrintOutcome<Res<N>> | Promise<PrintOutcome<Res<N>>> };

export interface PrintHandlerDeps {
  readonly queue: PrintQueue;
  /** The intake view of a parcel (the station core's intake.get); a failure is returned, not thrown. */
  readonly intake: (intakeId: string) => PrintOutcome<IntakeView>;
  /** Who is working the station (printed on test labels). */
  readonly operator: () => string;
}

export function printCommandHandlers(deps: PrintHandlerDeps): PrintCommandHandlers {
  const { queue } = deps;
  return {
    'print.queue': (req) => printOk(queue.status(req.intakeId, req.limit)),
    'print.reprint': (req) => {
      const intake = deps.intake(req.intakeId);
      return intake.ok ? queue.enqueueDocument(req.commandId, intake.value, req.document, 'reprint') : intake;
    },
    'print.retry': (req) => queue.retry(req.jobId),
    'print.content': (req) => queue.content(req.jobId),
    'print.confirm': (req) => queue.confirmHandoff(req.jobId, req.printed),
    'print.test': (req) => queue.printTest(req.target, deps.operator()),
    'printer.list': async () => printOk(await queue.listPrinters()),
    'printer.get': () => queue.settings(),
    'printer.set': (req) => queue.setSettings(req),
  };
}
