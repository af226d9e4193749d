/**
 * The open parcel: what was scanned, what the manifest says, weight, size, damage, then the verdict and the next step.
 */
import { useState, type FormEvent } from 'react';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import { formatMass, type MassUnit } from '../../shared/units/mass.ts';
import { formatLength } from '../../shared/units/length.ts';
import { DESTINATION_NAMES } from '../../shared/manifest/destinations.ts';
import { NOTE_MIN_LENGTH, REASON_MAX_LENGTH } from '../../shared/contract/limits.ts';
import { allowedActions } from '../../shared/intake/intakeMachine.ts';
import { VerdictBanner } from './VerdictBanner.tsx';

export interface IntakeActions {
  captureWeight(manual?: { value: string; unit: MassUnit; reason: string }): void;
  setDimensions(dims: { length: string; width: string; height: string; unit: 'in' | 'cm' }): void;
  reportDamage(damaged: boolean): void;
  commitVerdict(): void;
  finish(): void;
  print(document: 'relabel' | 'return-slip'): void;
  cancel(reason: string): void;
}

export function IntakePanel(props: { intake: IntakeView; actions: IntakeActions; busy: boolean; massUnit: 'lb' | 'kg'; lengthUnit: 'in' | 'cm' }) {
  const { intake, actions, busy } = props;
  // What the station's state machine allows in this state is what the screen offers: nothing is re-derived here.
  const can = new Set(allowedActions(intake.state));
  return (
    <section className="intake" data-testid="intake" data-state={intake.state}>
      <header>
        <h2 data-testid="intake-tracking">{intake.scan.tracking}</h2>
        <span className="tag">{intake.scan.carrier ?? intake.scan.kind}</span>
        <span className="tag state" data-testid="intake-state">{intake.state}</span>
        {intake.repeatScan && <span className="tag warn" data-testid="repeat-scan">Scanned before — not counted again</span>}
      </header>
      {intake.manifest ? (
        <dl className="manifest" data-testid="manifest">
          <dt>Waybill</dt><dd data-testid="waybill">{intake.manifest.waybill}</dd>
          <dt>To</dt><dd>{DESTINATION_NAMES[intake.manifest.destination]} ({intake.manifest.destination}) — {intake.manifest.consigneeName}</dd>
          <dt>Piece</dt><dd>{intake.manifest.pieceIndex} of {intake.manifest.pieceCount}</dd>
          <dt>Declared</dt><dd>{formatMass(intake.manifest.declaredMass, props.massUnit, 2)} {props.massUnit}</dd>
        </dl>
      ) : (
        <p className="no-prealert" data-testid="no-prealert">No pre-alert for this parcel: weigh it; it will be held until HQ sends its manifest.</p>
      )}
      <div className="measure">
        <div>
          <h3>Weight</h3>
          <p data-testid="captured-weight">
            {intake.weight ? `${formatMass(intake.weight.mass, props.massUnit, 2)} ${props.massUnit} (${intake.weight.source === 'manual' ? `typed: ${intake.weight.manualReason ?? ''}` : 'scale'})` : 'not captured'}
          </p>
          {can.has('weigh') && (
            <>
              <button type="button" data-testid="capture-weight" disabled={busy} onClick={() => actions.captureWeight()}>Capture from scale</button>
              <ManualWeight onSubmit={(m) => actions.captureWeight(m)} busy={busy} unit={props.massUnit} />
            </>
          )}
        </div>
        <div>
          <h3>Size</h3>
          <p data-testid="captured-dims">
            {intake.dims ? `${[intake.dims.length, intake.dims.width, intake.dims.height].map((v) => formatLength(v, intake.dims?.unit ?? 'in', 1)).join(' × ')} ${intake.dims.unit}` : 'not measured'}
          </p>
          {can.has('setDimensions') && <DimensionsForm onSubmit={actions.setDimensions} busy={busy} unit={props.lengthUnit} />}
        </div>
        <div>
          <h3>Packaging</h3>
          <label>
            <input type="checkbox" data-testid="damaged" checked={intake.damaged} disabled={!can.has('reportDamage') || busy} onChange={(e) => actions.reportDamage(e.target.checked)} /> Damaged
          </label>
        </div>
      </div>
      {intake.verdict && <VerdictBanner verdict={intake.verdict} holdLocation={intake.holdLocation} />}
      <footer className="actions">
        {can.has('decide') && (
          <button type="button" className="primary" data-testid="commit-verdict" disabled={busy || intake.weight === null || intake.dims === null} onClick={actions.commitVerdict}>
            Decide
          </button>
        )}
        {can.has('print') && intake.verdict && (
          <button type="button" data-testid="print" disabled={busy} onClick={() => actions.print(intake.verdict?.decision === 'RETURN' ? 'return-slip' : 'relabel')}>
            {intake.verdict.decision === 'RETURN' ? 'Print return slip' : 'Print label'}
          </button>
        )}
        {can.has('finish') && (
          <button type="button" className="primary" data-testid="finish" disabled={busy} onClick={actions.finish}>Done — next parcel</button>
        )}
        {can.has('cancel') && <CancelButton onCancel={actions.cancel} busy={busy} />}
      </footer>
    </section>
  );
}

function ManualWeight(props: { onSubmit: (m: { value: string; unit: MassUnit; reason: string }) => void; busy: boolean; unit: MassUnit }) {
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ value: value.trim(), unit: props.unit, reason: reason.trim() });
  };
  return (
    <form className="manual-weight" onSubmit={submit}>
      <input data-testid="manual-weight" inputMode="decimal" placeholder={`weight in ${props.unit}`} value={value} onChange={(e) => setValue(e.target.value)} />
      <input data-testid="manual-reason" placeholder="reason (required)" minLength={NOTE_MIN_LENGTH} maxLength={REASON_MAX_LENGTH} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={props.busy || value.trim() === '' || reason.trim().length < NOTE_MIN_LENGTH}>Type weight</button>
    </form>
  );
}

function DimensionsForm(props: { onSubmit: IntakeActions['setDimensions']; busy: boolean; unit: 'in' | 'cm' }) {
  const [l, setL] = useState('');
  const [w, setW] = useState('');
  const [h, setH] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ length: l.trim(), width: w.trim(), height: h.trim(), unit: props.unit });
  };
  return (
    <form className="dims" onSubmit={submit}>
      <input data-testid="dim-length" inputMode="decimal" placeholder="L" value={l} onChange={(e) => setL(e.target.value)} />
      <input data-testid="dim-width" inputMode="decimal" placeholder="W" value={w} onChange={(e) => setW(e.target.value)} />
      <input data-testid="dim-height" inputMode="decimal" placeholder="H" value={h} onChange={(e) => setH(e.target.value)} />
      <span>{props.unit}</span>
      <button type="submit" data-testid="set-dims" disabled={props.busy || !l || !w || !h}>Set size</button>
    </form>
  );
}

function CancelButton(props: { onCancel: (reason: string) => void; busy: boolean }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking) return <button type="button" data-testid="cancel" onClick={() => setAsking(true)}>Cancel intake…</button>;
  return (
    <form className="cancel" onSubmit={(e) => { e.preventDefault(); props.onCancel(reason.trim()); }}>
      <input data-testid="cancel-reason" autoFocus placeholder="why (required)" minLength={NOTE_MIN_LENGTH} maxLength={REASON_MAX_LENGTH} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" data-testid="confirm-cancel" disabled={props.busy || reason.trim().length < NOTE_MIN_LENGTH}>Cancel intake</button>
      <button type="button" onClick={() => setAsking(false)}>Keep</button>
    </form>
  );
}
