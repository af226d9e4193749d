/**
 * The parcel's labels and slips on its card: each with whether it printed, and a void one marked VOID in large
 * letters with what to do (take it off the parcel). Nothing is shown while the parcel has no documents.
 */
import type { IntakeDocument } from '../../shared/printing/printJob.ts';
import { DOCUMENT_TITLES } from '../../shared/printing/documentKinds.ts';

const STATE_WORDS: Readonly<Record<IntakeDocument['state'], string>> = {
  queued: 'waiting to print',
  sending: 'printing…',
  handoff: 'print it from the browser',
  done: 'printed',
  failed: 'not printed: see the print queue',
};

function name(doc: IntakeDocument): string {
  if (doc.mark === 'VOID') return `VOID slip for the ${DOCUMENT_TITLES[doc.document].toLowerCase()}`;
  const copy = doc.copy > 1 ? ` (reprint ${doc.copy - 1})` : doc.mark === 'REPRINT' ? ' (REPRINT)' : '';
  return `${DOCUMENT_TITLES[doc.document]}${copy}`;
}

export function DocumentStatus(props: { readonly documents: readonly IntakeDocument[] | undefined }) {
  const documents = props.documents ?? [];
  if (documents.length === 0) return null;
  return (
    <ul className="document-status" aria-label="Labels and slips" data-testid="document-status">
      {documents.map((doc) =>
        doc.voided !== null ? (
          <li key={doc.jobId} className="document-void" data-testid="document" data-voided="true" data-job-id={doc.jobId}>
            <span className="document-void-word">VOID</span>
            <span>
              {name(doc)} — {doc.state === 'done' ? 'printed, now void' : 'not printed, now void'}: {doc.voided.reason}.
              {doc.state === 'done' ? ' Take it off the parcel.' : ''}
            </span>
          </li>
        ) : (
          <li key={doc.jobId} className={`document-${doc.state}`} data-testid="document" data-voided="false" data-job-id={doc.jobId}>
            {name(doc)}: {STATE_WORDS[doc.state]}
          </li>
        ),
      )}
    </ul>
  );
}
