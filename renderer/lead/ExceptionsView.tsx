/**
 * The exceptions a lead acts on: events HQ refused (with HQ's reason; send again, or mark resolved with a note),
 * flagged parcels waiting for inspection ("Inspected", with a note), holds near expiry, and the hold shelf's log.
 */
import { useCallback, useEffect, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { Exceptions, HoldAuditEntry } from '../../shared/contract/exceptions.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import { NOTE_MIN_LENGTH } from '../../shared/contract/limits.ts';
import { errorNotice } from '../intake/errorText.ts';

const LIST_LIMIT = 200;
const AUDIT_LIMIT = 100;
const when = (at: number): string => new Date(at).toLocaleString();
const AUDIT_WORDS: Readonly<Record<HoldAuditEntry['action'], string>> = {
  placed: 'put on the shelf', reasons_changed: 'reasons changed', released: 'released', auto_released: 'released by HQ news',
  returned: 'sent to returns', expired: 'expired: returned',
};

export function ExceptionsView({ client }: { client: StationClient }) {
  const [data, setData] = useState<Exceptions | null>(null);
  const [audit, setAudit] = useState<HoldAuditEntry[]>([]);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [note, setNote] = useState('');
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void client.call('exceptions.list', { limit: LIST_LIMIT }).then((r) => (r.ok ? setData(r.data) : setError(r.error)));
    void client.call('holds.audit', { limit: AUDIT_LIMIT }).then((r) => (r.ok ? setAudit(r.data) : setError(r.error)));
  }, [client, tick]);

  const act = useCallback(async (run: () => Promise<{ ok: true } | { ok: false; error: StationErrorData }>) => {
    const r = await run();
    setError(r.ok ? null : r.error);
    if (r.ok) setNote('');
    setTick((t) => t + 1);
  }, []);
  const noteReady = note.trim().length >= NOTE_MIN_LENGTH;
  const notice = error && errorNotice(error);
  const commandId = () => crypto.randomUUID();

  return (
    <div className="lead-summary" data-testid="exceptions">
      <label className="lead-note">
        Note for resolve and inspected ({NOTE_MIN_LENGTH} letters or more)
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="what you did" data-testid="exception-note" />
      </label>
      {notice && (
        <div className="error" role="alert" data-testid="exceptions-error">
          <strong>{notice.title}</strong>
          <span>{notice.detail}</span>
        </div>
      )}
      <section className="lead-table" data-testid="dead-letters">
        <h3>Refused by HQ ({data?.deadLetters.length ?? 0})</h3>
        {data && data.deadLetters.length === 0 && <p className="lead-empty">HQ has refused nothing.</p>}
        <table>
          <tbody>
            {data?.deadLetters.map((d) => (
              <tr key={d.seq} data-testid="dead-letter">
                <td>#{d.seq} {d.type}</td>
                <td><strong>{d.code}</strong> {d.message}</td>
                <td>{when(d.deadAt)}</td>
                <td className="lead-actions">
                  <button type="button" onClick={() => void act(() => client.call('sync.retryDeadLetter', { commandId: commandId(), seq: d.seq }))}>Send again</button>
                  <button type="button" disabled={!noteReady} onClick={() => void act(() => client.call('sync.resolveDeadLetter', { commandId: commandId(), seq: d.seq, note: note.trim() }))}>Resolved</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="lead-table" data-testid="awaiting-inspection">
        <h3>Set aside, waiting for inspection ({data?.awaitingInspection.length ?? 0})</h3>
        {data && data.awaitingInspection.length === 0 && <p className="lead-empty">No parcel waits for inspection.</p>}
        <table>
          <tbody>
            {data?.awaitingInspection.map((a) => (
              <tr key={a.intakeId} data-testid="inspection-row">
                <td>{a.waybill ?? a.tracking}</td>
                <td>{a.codes.join(', ')}</td>
                <td>{when(a.updatedAt)}</td>
                <td className="lead-actions">
                  <button type="button" disabled={!noteReady} onClick={() => void act(() => client.call('intake.markInspected', { commandId: commandId(), intakeId: a.intakeId, note: note.trim() }))}>Inspected</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="lead-table" data-testid="holds-near-expiry">
        <h3>Holds near expiry ({data?.holdsNearExpiry.length ?? 0})</h3>
        {data && data.holdsNearExpiry.length === 0 && <p className="lead-empty">No hold expires in the next days.</p>}
        <table>
          <tbody>
            {data?.holdsNearExpiry.map((h) => (
              <tr key={h.holdId}>
                <td>{h.location}</td>
                <td>{h.waybill ?? '—'}</td>
                <td>{h.reasons.map((r) => r.code).join(', ')}</td>
                <td>expires {when(h.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="lead-table lead-table-wide" data-testid="hold-audit">
        <h3>Hold shelf log (newest first)</h3>
        {audit.length === 0 && <p className="lead-empty">Nothing on the shelf yet.</p>}
        <table>
          <tbody>
            {audit.map((a) => (
              <tr key={a.auditId}>
                <td>{when(a.at)}</td>
                <td>{a.location}</td>
                <td>{a.waybill ?? '—'}</td>
                <td>{AUDIT_WORDS[a.action]}</td>
                <td>{a.operator}</td>
                <td>{a.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
