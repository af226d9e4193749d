/**
 * PDF to a CUPS queue with `lp -d <printer> -t <title> [-o media=Custom.4x6in] -` (the document on stdin, so no
 * temporary file). `lp` returns once the spooler has accepted the job ("request id is Office-42 (1 file(s))"):
 * that is when the job counts as delivered; CUPS then retries the physical printer itself.
 * The CUPS_SERVER environment variable (inherited) picks a non-default scheduler, which the tests use.
 *   `lp` not installed                          → PRINTER_UNAVAILABLE
 *   scheduler not running / not reachable       → PRINTER_OFFLINE (retried)
 *   unknown queue, queue not accepting jobs     → PRINTER_REJECTED (a person fixes the setup)
 *   no answer within timeoutMs                  → PRINTER_TIMEOUT
 */
import { spawn } from 'node:child_process';
import { printFail, printOk } from '../../../shared/printing/printErrors.ts';
import { systemErrorCode, type SendResult } from './delivery.ts';

export interface CupsJob {
  readonly printerName: string;
  readonly media: 'label' | 'default';
  readonly title: string;
}

export type CommandResult =
  | { readonly kind: 'exited'; readonly code: number | null; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly message: string };

const LIMIT = 64 * 1024;

/** Runs a command with optional stdin, collecting its output; never throws. */
export function runCommand(command: string, args: readonly string[], input: Uint8Array | null, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let done = false;
    const settle = (value: CommandResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ kind: 'timeout' });
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => { if (stdout.length < LIMIT) stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { if (stderr.length < LIMIT) stderr += c.toString('utf8'); });
    child.on('error', (error) => settle(systemErrorCode(error) === 'ENOENT' ? { kind: 'missing' } : { kind: 'failed', message: error.message }));
    child.on('close', (code) => settle({ kind: 'exited', code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // a command that exits early closes its stdin; its exit code says why
    child.stdin.end(input ?? undefined);
  });
}

export const CUPS_LABEL_MEDIA = 'Custom.4x6in';

function classify(printerName: string, stderr: string): SendResult {
  const text = stderr.trim().replace(/\s+/g, ' ');
  if (/scheduler is not running|unable to connect|connection refused|No such file or directory/i.test(text)) {
    return printFail('PRINTER_OFFLINE', `CUPS is not running or not reachable (${text}). The job waits until it is.`);
  }
  if (/does not exist|not found|unknown/i.test(text)) {
    return printFail('PRINTER_REJECTED', `CUPS has no printer called "${printerName}" (${text}). Choose one of the printers \`lpstat -e\` lists.`);
  }
  return printFail('PRINTER_REJECTED', `CUPS refused the job for "${printerName}": ${text || 'no reason given'}.`);
}

export async function sendToCups(job: CupsJob, pdf: Uint8Array, timeoutMs = 20_000): Promise<SendResult> {
  const args = ['-d', job.printerName, '-t', job.title, ...(job.media === 'label' ? ['-o', `media=${CUPS_LABEL_MEDIA}`] : []), '-'];
  const ran = await runCommand('lp', args, pdf, timeoutMs);
  switch (ran.kind) {
    case 'missing':
      return printFail('PRINTER_UNAVAILABLE', 'CUPS is not installed on this computer (no `lp` command): install cups, or choose another printer.');
    case 'timeout':
      return printFail('PRINTER_TIMEOUT', `CUPS did not accept the job within ${timeoutMs / 1000} s.`);
    case 'failed':
      return printFail('PRINTER_IO_ERROR', `\`lp\` could not be started: ${ran.message}`);
    case 'exited': {
      if (ran.code !== 0) return classify(job.printerName, ran.stderr);
      const id = /request id is (\S+)/.exec(ran.stdout)?.[1] ?? null;
      return printOk({ spoolerJob: id, confirmed: true });
    }
  }
}

/** CUPS queue names (`lpstat -e`); null when CUPS is not installed or its scheduler does not answer. */
export async function listCupsPrinters(timeoutMs = 5_000): Promise<string[] | null> {
  const ran = await runCommand('lpstat', ['-e'], null, timeoutMs);
  if (ran.kind !== 'exited' || ran.code !== 0) return null;
  return ran.stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}
