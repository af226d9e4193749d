/**
 * Parcel lookup over the whole window: one search box (any number, or part of the consignee's name) and, without
 * text, the lists by day, verdict, reason and operator, a page at a time ("More"). A row opens the parcel's page.
 * Esc or Back returns to the bench (from a parcel's page: to the list first).
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { LookupCursor, LookupRow } from '../../shared/contract/lookup.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { DECISIONS } from '../../shared/rules/verdict.ts';
import { REASON_CODES } from '../../shared/contract/lookupReasons.ts';
import { formatSlipDateTime } from '../../shared/printing/slipDate.ts';
import { EMPTY_SEARCH, reasonWords, searchRequestOf, type SearchForm } from './lookupForm.ts';
import { ParcelPage } from './ParcelPage.tsx';
import './lookup.css';
import { keepFunctionKeysOnPage } from '../keyboard/pageKeys.ts';

const MATCH_WORDS: Readonly<Record<string, string>> = {
  tracking: 'tracking number', waybill: 'ECMS waybill', returnReference: 'return reference', shelfSlot: 'shelf slot', consigneeName: 'consignee name',
};

export function LookupPage(props: { client: StationClient; warehouse: Warehouse; onClose: () => void; photoStrip?: (intakeId: string) => ReactNode }) {
  const { client, warehouse, onClose } = props;
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const [rows, setRows] = useState<LookupRow[] | null>(null);
  const [next, setNext] = useState<LookupCursor | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLInputElement>(null);

  // The focus stays on this page while it is open (the list's box, or the parcel's page), so every key — a scanner's
  // too — reaches it and never the bench's scan detection; focus that would fall to the document comes back here.
  const openRef = useRef(openId);
  openRef.current = openId;
  useEffect(() => {
    const focusHere = () => (openRef.current === null ? textRef.current : pageRef.current)?.focus();
    focusHere();
    const page = pageRef.current;
    const keep = () => setTimeout(() => {
      if (page?.isConnected && (document.activeElement === null || document.activeElement === document.body)) focusHere();
    }, 0);
    page?.addEventListener('focusout', keep);
    return () => page?.removeEventListener('focusout', keep);
  }, [openId]);

  async function load(after: LookupCursor | null): Promise<void> {
    setProblem(null);
    // The box's own value: a scanner's Enter can arrive before the last typed character reached the form's state.
    const text = textRef.current?.value ?? form.text;
    const result = await client.call('lookup.search', searchRequestOf({ ...form, text }, after));
    if (!result.ok) return setProblem(result.error.message);
    setRows((before) => (after && before ? [...before, ...result.data.rows] : result.data.rows));
    setNext(result.data.next);
    setNote(result.data.note);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(null);
  };
  const set = (field: keyof SearchForm) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value }));

  // Keys stay on this page: Esc goes back, and the bench's function keys do nothing to the bench's parcel meanwhile.
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (openId) setOpenId(null);
      else onClose();
    }
    if (keepFunctionKeysOnPage(event) && event.key === 'F3') document.getElementById('lookup-text')?.focus();
  };

  return (
    <div className="lookup-page" data-testid="lookup-page" data-full-page data-wedge-passthrough ref={pageRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="lookup-header">
        <button type="button" className="lookup-back" onClick={openId ? () => setOpenId(null) : onClose} data-testid="lookup-back">
          ← {openId ? 'Back to the list' : 'Back to the bench'} <kbd>Esc</kbd>
        </button>
        <h2>{openId ? 'Parcel' : 'Find a parcel'}</h2>
      </header>
      {openId ? (
        <ParcelPage client={client} intakeId={openId} warehouse={warehouse} {...(props.photoStrip ? { photoStrip: props.photoStrip } : {})} />
      ) : (
        <section className="lookup-body">
          <form className="lookup-search" onSubmit={submit} role="search">
            <label className="lookup-main">
              <span>Number or name</span>
              <input id="lookup-text" ref={textRef} data-testid="lookup-text" value={form.text} onChange={set('text')} autoComplete="off"
                placeholder="Tracking, waybill, return reference, shelf slot or part of the name" maxLength={80} />
            </label>
            <button type="submit" data-testid="lookup-go">Find</button>
          </form>
          <form className="lookup-filters" onSubmit={submit}>
            <span className="lookup-filters-title">Or list parcels by</span>
            <label>Day <input type="date" value={form.day} onChange={set('day')} data-testid="lookup-day" /></label>
            <label>Verdict
              <select value={form.decision} onChange={set('decision')} data-testid="lookup-decision">
                <option value="">any</option>
                {DECISIONS.map((d) => <option key={d} value={d}>{d}</option>)}
              </select>
            </label>
            <label>Reason
              <select value={form.reason} onChange={set('reason')} data-testid="lookup-reason">
                <option value="">any</option>
                {REASON_CODES.map((r) => <option key={r} value={r}>{reasonWords(r)}</option>)}
              </select>
            </label>
            <label>Operator <input value={form.operator} onChange={set('operator')} size={10} data-testid="lookup-operator" /></label>
            <button type="submit" disabled={form.text.trim().length > 0} data-testid="lookup-list">List</button>
          </form>
          {problem && <p className="lookup-problem" role="alert" data-testid="lookup-problem">{problem}</p>}
          {note && <p className="lookup-note">{note}</p>}
          {rows && (rows.length === 0 ? (
            <p className="lookup-empty" data-testid="lookup-empty">No parcel found. Check the number, or list the day's parcels.</p>
          ) : (
            <table className="lookup-table" data-testid="lookup-results">
              <thead><tr><th>Taken in ({warehouse} time)</th><th>Tracking</th><th>Waybill</th><th>Consignee</th><th>Verdict</th><th>Reasons</th><th>Shelf</th><th>Operator</th><th>Found by</th></tr></thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.intakeId} className="lookup-row" data-testid="lookup-row" data-intake-id={row.intakeId}
                    tabIndex={0} onClick={() => setOpenId(row.intakeId)} onKeyDown={(e) => e.key === 'Enter' && setOpenId(row.intakeId)}>
                    <td>{formatSlipDateTime(row.createdAt, warehouse)}</td>
                    <td className="mono">{row.tracking}</td>
                    <td className="mono">{row.waybill ?? '—'}</td>
                    <td>{row.consigneeName ?? '—'}</td>
                    <td><span className={`lookup-verdict ${row.decision?.toLowerCase() ?? 'none'}`}>{row.decision ?? (row.state === 'cancelled' ? 'cancelled' : 'open')}</span></td>
                    <td>{row.reasons.map(reasonWords).join(', ') || '—'}</td>
                    <td>{row.holdLocation ?? '—'}</td>
                    <td>{row.operator}</td>
                    <td>{row.matchedBy ? MATCH_WORDS[row.matchedBy] : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          {next && <button type="button" className="lookup-more" onClick={() => void load(next)} data-testid="lookup-more">More parcels</button>}
        </section>
      )}
    </div>
  );
}
