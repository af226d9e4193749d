/**
 * The one policy for an error nothing caught (uncaughtException, unhandledRejection): log it as fatal, flush the
 * log, and exit with code 1. Used by the browser-mode station, the Electron main process and HQ serve. The process
 * is passed in, so this stays pure and testable.
 */

export type FatalKind = 'uncaughtException' | 'unhandledRejection';

export interface ProcessEventsLike {
  on(event: FatalKind, handler: (error: unknown) => void): unknown;
}

export interface FatalHandling {
  /** Writes the fatal line. */
  fatal(kind: FatalKind, error: unknown): void;
  /** Resolves once the log is on disk (the caller bounds it in time). */
  flush(): Promise<void>;
  exit(code: number): void;
}

export const FATAL_EXIT_CODE = 1;

export function installFatalErrorPolicy(proc: ProcessEventsLike, handling: FatalHandling): void {
  let exiting = false;
  const onFatal = (kind: FatalKind) => (error: unknown) => {
    if (exiting) return;
    exiting = true;
    try {
      handling.fatal(kind, error);
    } finally {
      void handling.flush().catch(() => undefined).finally(() => handling.exit(FATAL_EXIT_CODE));
    }
  };
  proc.on('uncaughtException', onFatal('uncaughtException'));
  proc.on('unhandledRejection', onFatal('unhandledRejection'));
}
