/**
 * The print queue as a worker sees it: every job not yet printed (why it waits, when it is tried again), then the
 * recently printed ones, with Retry for waiting/failed jobs, Print for jobs handed to the browser, and Reprint for
 * printed ones. Props in, callbacks out. `now` is passed in so the "next try in" text is testable.
 */
import { DOCUMENT_TITLES } from '../../shared/printing/documentKinds.ts';
import type { PrintJobView, PrintQueueStatus } from '../../shared/printing/printJob.ts';

export interface PrintQueueListProps {
  readonly status: PrintQueueStatus;
  readonly now: number;
  readonly onRetry: (jobId: string) => void;
  readonly onReprint: (job: PrintJobView) => void;
  /** Browser mode: print the page of a job waiting for the browser, then confirm. */
  readonly onBrowserPrint?: (jobId: string) => void;
  readonly onConfirmPrinted?: (jobId: string) => void;
  readonly formatTime?: (epochMs: number) => string;
}

const STATE_WORDS: Readonly<Record<PrintJobView['state'], string>> = {
  queued: 'Waiting',
  sending: 'Printing…',
  handoff: 'Print from the browser',
  done: 'Printed',
  failed: 'Needs attention',
};

/** The copy as a person reads it: "(reprint 1)", "REPRINT" for a send in doubt, "VOID slip" for a void slip. */
function copyText(job: PrintJobView): string {
  if (job.mark === 'VOID') return 'VOID slip';
  if (job.copy > 1) return `(reprint ${job.copy - 1})`;
  return job.mark === 'REPRINT' ? '(REPRINT: sent again after the station stopped)' : '';
}

function waitText(job: PrintJobView, now: number): string {
  if (job.state !== 'queued' || job.nextAttemptAt === null) return '';
  const seconds = Math.max(0, Math.ceil((job.nextAttemptAt - now) / 1000));
  return seconds === 0 ? 'trying now' : `next try in ${seconds} s`;
}

export function PrintQueueList(props: PrintQueueListProps) {
  const { status, now, onRetry, onReprint, onBrowserPrint, onConfirmPrinted } = props;
  const time = props.formatTime ?? ((t: number) => new Date(t).toLocaleTimeString());
  const waiting = status.counts.queued + status.counts.sending + status.counts.handoff + status.counts.failed;
  return (
    <section className="print-queue" aria-label="Print queue" data-testid="print-queue">
      <h3>
        Print queue <span data-testid="print-waiting">{waiting === 0 ? 'all printed' : `${waiting} waiting`}</span>
      </h3>
      {status.damaged.length > 0 && (
        <p className="print-error" role="alert" data-testid="print-damaged">
          {status.damaged.length} print job(s) cannot be read back and were kept as they are: {status.damaged.map((d) => d.jobId).join(', ')}. Tell support.
        </p>
      )}
      {status.jobs.length === 0 ? (
        <p>Nothing printed yet.</p>
      ) : (
        <table>
          <tbody>
            {status.jobs.map((job) => (
              <tr
                key={job.jobId}
                className={job.voided !== null ? 'print-job-void' : undefined}
                data-testid="print-job"
                data-voided={job.voided !== null}
                data-mark={job.mark ?? ''}
                data-job-id={job.jobId}
                data-state={job.state}
              >
                <td>{time(job.createdAt)}</td>
                <td>
                  {DOCUMENT_TITLES[job.document]} {copyText(job)}
                  <br />
                  <small>{job.subject}</small>
                </td>
                <td>{job.printer}</td>
                {job.voided !== null ? (
                  <td className="print-state-void" data-testid="print-job-void">
                    <strong className="void-word">VOID</strong>
                    <br />
                    <small>
                      {job.state === 'done' ? 'Printed, then void: ' : 'Not printed: '}
                      {job.voided.reason}.{job.state === 'done' ? ' Take this label off the parcel.' : ''}
                    </small>
                  </td>
                ) : (
                <td className={`print-state-${job.state}`}>
                  {STATE_WORDS[job.state]}
                  {job.attempts > 1 && job.state !== 'done' ? ` (tried ${job.attempts} times)` : ''}
                  {job.lastError !== null && job.state !== 'done' && (
                    <>
                      <br />
                      <small data-testid="print-job-error" data-code={job.lastError.code}>{job.lastError.message}</small>
                    </>
                  )}
                  {job.state === 'queued' && job.nextAttemptAt !== null && <><br /><small>{waitText(job, now)}</small></>}
                </td>
                )}
                <td>
                  {job.voided === null && (job.state === 'queued' || job.state === 'failed') && (
                    <button type="button" onClick={() => onRetry(job.jobId)} data-testid="print-retry">Retry now</button>
                  )}
                  {job.voided === null && job.state === 'handoff' && onBrowserPrint && (
                    <button type="button" onClick={() => onBrowserPrint(job.jobId)} data-testid="print-browser">Print</button>
                  )}
                  {job.voided === null && job.state === 'handoff' && onConfirmPrinted && (
                    <button type="button" onClick={() => onConfirmPrinted(job.jobId)} data-testid="print-confirm">It printed</button>
                  )}
                  {job.voided === null && job.mark !== 'VOID' && job.state === 'done' && (
                    <button type="button" onClick={() => onReprint(job)} data-testid="print-reprint">Reprint</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
