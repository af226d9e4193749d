/**
 * A support/ops command run as `npm run cli -- <name> [args]`. Each command is one file in
 * electron/cli/commands/ with a default export of this shape; electron/cli/main.ts discovers them.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  readonly name: string;
  /** One line, e.g. "classify <scan>". */
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code: 0 ok, 1 failure of the thing checked, 2 bad usage. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export function isCliCommand(value: unknown): value is CliCommand {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['name'] === 'string' && typeof v['usage'] === 'string' && typeof v['run'] === 'function';
}
