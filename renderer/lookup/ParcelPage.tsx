/**
 * One parcel's page: its facts (weight and where it came from, size, damage), the verdict with its price inputs,
 * the documents printed for it (void and reprint marks) with Reprint, the whole event trail (who, when, what, and
 * where each event stands with HQ), a slot for damage photos, and — for a lead — the correction form. The station
 * core decides and enforces; this page only shows and asks.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { ParcelHistory } from '../../shared/contract/lookup.ts';
import type { StationSettings } from '../../shared/contract/settings.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import { formatMass } from '../../shared/units/mass.ts';
import { formatLength } from '../../shared/units/length.ts';
import { formatMoney } from '../../shared/rules/money.ts';
import { formatSlipDateTime } from '../../shared/printing/slipDate.ts';
import { correctionRequestOf, EMPTY_CORRECTION, reasonWords, type CorrectionForm } from './lookupForm.ts';

const SYNC_WORDS = { queued: 'waiting to send', atHq: 'at HQ', refused: 'refused by HQ' } as const;

export function ParcelPage(props: { client: StationClient; intakeId: string; warehouse: Warehouse; photoStrip?: (intakeId: string) => ReactNode }) {
  const { client, intakeId, warehouse } = props;
  const [page, setPage] = useState<ParcelHistory | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isLead, setIsLead] = useState(false);
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const [form, setForm] = useState<CorrectionForm>(EMPTY_CORRECTION);

  const reload = useCallback(async () => {
    const result = await client.call('lookup.parcel', { intakeId });
    if (result.ok) setPage(result.data);
    else setProblem(result.error.message);
  }, [client, intakeId]);

  useEffect(() => {
    void reload();
    void client.call('session.current', {}).then((r) => r.ok && setIsLead(r.data.session?.role === 'lead'));
    void client.call('settings.get', {}).then((r) => r.ok && setSettings(r.data));
  }, [client, reload]);

  if (!page) return <section className="lookup-body">{problem ? <p className="lookup-problem" role="alert">{problem}</p> : <p>Loading…</p>}</section>;
  const { intake, trail } = page;
  const massUnit = settings?.displayMassUnit ?? 'lb';
  const lengthUnit = settings?.displayLengthUnit ?? 'in';
  const reprice = intake.verdict?.reprice ?? null;
  const latest = new Map((intake.documents ?? []).map((d) => [d.document, d]));

  const reprint = async (document: 'relabel' | 'return-slip') => {
    setProblem(null);
    const result = await client.call('print.reprint', { commandId: crypto.randomUUID(), intakeId, document });
    if (!result.ok) return setProblem(result.error.message);
    setDone(`The ${document === 'relabel' ? 'label' : 'return slip'} is printing again.`);
    await reload();
  };

  const correct = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const check = correctionRequestOf(form, intakeId, { mass: massUnit, length: lengthUnit }, crypto.randomUUID());
    if (!check.ok) return setProblem(check.message);
    const result = await client.call('intake.correct', check.request);
    if (!result.ok) return setProblem(result.error.message);
    setPage(result.data);
    setForm(EMPTY_CORRECTION);
    setDone(`Corrected: the verdict is now ${result.data.intake.verdict?.decision ?? 'not decided'}. Documents that no longer match are void.`);
  };
  const set = (field: keyof CorrectionForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  return (
    <section className="lookup-body parcel-page" data-testid="parcel-page" data-intake-id={intakeId}>
      <div className="parcel-head">
        <h3 className="mono" data-testid="parcel-tracking">{intake.scan.tracking}</h3>
        <span className={`lookup-verdict big ${intake.verdict?.decision.toLowerCase() ?? 'none'}`} data-testid="parcel-verdict">{intake.verdict?.decision ?? intake.state}</span>
        <span>{intake.manifest ? `Waybill ${intake.manifest.waybill} · to ${intake.manifest.destination} · ${intake.manifest.consigneeName}` : 'No pre-alert'}</span>
        {intake.holdLocation && <span className="parcel-shelf">On shelf {intake.holdLocation}</span>}
      </div>
      {problem && <p className="lookup-problem" role="alert" data-testid="parcel-problem">{problem}</p>}
      {done && <p className="lookup-done" role="status" data-testid="parcel-done">{done}</p>}
      <div className="parcel-grid">
        <div className="parcel-card">
          <h4>Measured</h4>
          <p>Weight: {intake.weight ? `${formatMass(intake.weight.mass, massUnit, 2)} ${massUnit} — ${intake.weight.source === 'scale' ? 'scale reading' : `typed by hand (${intake.weight.manualReason ?? 'no reason'})`}` : 'not weighed'}</p>
          <p>Size: {intake.dims ? `${[intake.dims.length, intake.dims.width, intake.dims.height].map((s) => formatLength(s, lengthUnit, 1)).join(' × ')} ${lengthUnit}` : 'not measured'}</p>
          <p>Damaged: {intake.damaged ? 'yes' : 'no'}</p>
          <p>Reasons: {intake.verdict?.reasons.map((r) => `${reasonWords(r.code)}: ${r.message}`).join(' ') || 'none'}</p>
        </div>
        <div className="parcel-card">
          <h4>Price</h4>
          {reprice ? (
            <p data-testid="parcel-price">
              {formatMoney(reprice.priceMinor, reprice.currency)} against the estimate {formatMoney(reprice.estimateMinor, reprice.currency)} (difference {formatMoney(reprice.deltaMinor, reprice.currency)}),
              billable {formatMass(reprice.billableMass, massUnit, 2)} {massUnit}, rate card {reprice.rateCardId} {reprice.rateCardVersion}
            </p>
          ) : <p>No price worked out.</p>}
        </div>
        <div className="parcel-card" data-testid="parcel-documents">
          <h4>Documents</h4>
          {(intake.documents ?? []).length === 0 && <p>None printed.</p>}
          <ul className="parcel-docs">
            {(intake.documents ?? []).map((d) => (
              <li key={d.jobId} data-testid="parcel-document" data-document={d.document} data-void={d.voided ? 'yes' : 'no'}>
                {d.document === 'relabel' ? 'Label' : 'Return slip'} copy {d.copy}: {d.state}
                {d.mark && <span className="doc-mark">{d.mark}</span>}
                {d.voided && <span className="doc-void">VOID — {d.voided.reason}</span>}
              </li>
            ))}
          </ul>
          {[...latest.values()].filter((d) => !d.voided && d.mark !== 'VOID').map((d) => (
            <button key={d.document} type="button" onClick={() => void reprint(d.document)} data-testid={`reprint-${d.document}`}>
              Reprint the {d.document === 'relabel' ? 'label' : 'return slip'}
            </button>
          ))}
        </div>
        <div className="parcel-card" data-testid="parcel-photos">
          <h4>Damage photos</h4>
          {props.photoStrip ? props.photoStrip(intakeId) : <p>No photos.</p>}
        </div>
      </div>
      {page.correctable && (isLead ? (
        <form className="parcel-correct" onSubmit={(e) => void correct(e)} data-testid="correction-form">
          <h4>Correct this parcel (lead)</h4>
          <p>Fill in only what changes. The station decides the verdict again from the corrected facts.</p>
          <label>Weight ({massUnit}) <input value={form.weight} onChange={set('weight')} inputMode="decimal" size={7} data-testid="correct-weight" /></label>
          <label>Length <input value={form.length} onChange={set('length')} inputMode="decimal" size={5} /></label>
          <label>Width <input value={form.width} onChange={set('width')} inputMode="decimal" size={5} /></label>
          <label>Height ({lengthUnit}) <input value={form.height} onChange={set('height')} inputMode="decimal" size={5} /></label>
          <label>Damaged
            <select value={form.damaged} onChange={set('damaged')} data-testid="correct-damaged">
              <option value="same">as it is</option><option value="yes">yes</option><option value="no">no</option>
            </select>
          </label>
          <label className="wide">Why <input value={form.reason} onChange={set('reason')} maxLength={200} data-testid="correct-reason" placeholder="e.g. weighed on the wrong scale" /></label>
          <button type="submit" data-testid="correct-save">Save the correction</button>
        </form>
      ) : <p className="lookup-note">Only a lead can correct a parcel.</p>)}
      <table className="lookup-table trail" data-testid="parcel-trail">
        <thead><tr><th>When ({warehouse})</th><th>Who</th><th>What</th><th>HQ</th></tr></thead>
        <tbody>
          {trail.map((e) => (
            <tr key={e.seq} data-testid="trail-row" data-type={e.type} data-sync={e.sync}>
              <td>{formatSlipDateTime(e.at, warehouse)}</td>
              <td>{e.operator}</td>
              <td>{e.what}</td>
              <td className={`sync-${e.sync}`}>{SYNC_WORDS[e.sync]}{e.syncError ? `: ${e.syncError}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
