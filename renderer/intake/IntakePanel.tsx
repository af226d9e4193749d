/**
 * The open parcel's card: what was scanned, the step it needs next in big words, its weight (with a warning when the
 * live readout disagrees), its size (L, Enter, W, Enter, H, Enter), damage, then the verdict filling the card and the
 * next step. Rendered with `key={intakeId}`, so every input starts empty for a new parcel.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import type { StationErrorData } from '../../shared/contract/result.ts';
import { formatMass, type MassUnit } from '../../shared/units/mass.ts';
import { formatLength } from '../../shared/units/length.ts';
import { DESTINATION_NAMES } from '../../shared/manifest/destinations.ts';
import { NOTE_MIN_LENGTH, REASON_MAX_LENGTH } from '../../shared/contract/limits.ts';
import { allowedActions } from '../../shared/intake/intakeMachine.ts';
import type { BenchStep } from '../../shared/intake/benchFlow.ts';
import type { WeightAgreement } from '../../shared/scale/weightAgreement.ts';
import { VerdictBanner } from './VerdictBanner.tsx';
import { DocumentStatus } from './DocumentStatus.tsx';
import { lookOf } from './verdictLook.ts';
import { errorField } from './errorText.ts';
import { focusOnBench } from '../keyboard/benchFocus.ts';

export interface IntakeActions {
  captureWeight(manual?: { value: string; unit: MassUnit; reason: string }): void;
  setDimensions(dims: { length: string; width: string; height: string; unit: 'in' | 'cm' }): void;
  reportDamage(damaged: boolean): void;
  commitVerdict(): void;
  finish(): void;
  print(document: 'relabel' | 'return-slip'): void;
  cancel(reason: string): void;
}

/** A form the screen opens from a shortcut (F4 typed weight, F9 cancel); `n` changes on every press. */
export interface PanelRequest {
  readonly kind: 'typeWeight' | 'cancel';
  readonly n: number;
}

export interface IntakePanelProps {
  readonly intake: IntakeView;
  readonly actions: IntakeActions;
  readonly busy: boolean;
  readonly massUnit: 'lb' | 'kg';
  readonly lengthUnit: 'in' | 'cm';
  /** What the parcel needs next (shared/intake/benchFlow.ts). */
  readonly step: BenchStep;
  readonly sizeRequired: boolean;
  /** The last refusal; one that names a field is shown beside it. */
  readonly error?: StationErrorData | null;
  /** The card's weight against the live readout (shared/scale/weightAgreement.ts), with the live weight as text. */
  readonly agreement?: { readonly result: WeightAgreement; readonly liveText: string } | null;
  readonly request?: PanelRequest | null;
  /** The damage photos of a parcel reported damaged (renderer/photos/IntakePhotos.tsx), shown under Damaged. */
  readonly damagePhotos?: ReactNode;
}

const STEP_WORDS: Readonly<Record<BenchStep, string>> = {
  scan: 'Scan the next parcel',
  weigh: 'Put the parcel on the scale',
  measure: 'Type the size: length, Enter, width, Enter, height, Enter',
  decide: 'Deciding…',
  putAway: 'Scan the next parcel when this one is put away',
};

const SIDES = ['length', 'width', 'height'] as const;
/** The inputs the card shows a refusal beside (the request paths the station names in StationErrorData.field). */
const CARD_FIELDS: ReadonlySet<string> = new Set([...SIDES, 'manual.value', 'manual.reason', 'reason']);

/** Whether the card shows this error beside one of its inputs (else the screen's error box shows it). */
export function cardShowsError(error: StationErrorData | null): boolean {
  return error?.field !== undefined && CARD_FIELDS.has(error.field);
}

export function IntakePanel(props: IntakePanelProps) {
  const { intake, actions, busy, step } = props;
  // What the station's state machine allows in this state is what the screen offers: nothing is re-derived here.
  const can = new Set(allowedActions(intake.state));
  const field = errorField(props.error ?? null);
  const look = intake.verdict ? lookOf(intake.verdict) : null;
  return (
    <section className={`intake card ${look ? `card-${look}` : 'card-open'}`} data-testid="intake" data-state={intake.state} data-step={step}>
      <header className="card-head">
        <h2 data-testid="intake-tracking">{intake.scan.tracking}</h2>
        <span className="tag">{intake.scan.carrier ?? intake.scan.kind}</span>
        {intake.repeatScan && <span className="tag warn" data-testid="repeat-scan">Scanned before — not counted again</span>}
      </header>
      {intake.weight && props.agreement?.result === 'differs' && (
        <p className="weight-warning" role="alert" data-testid="weight-disagrees">
          ⚠ The scale shows {props.agreement.liveText}, not this card’s {formatMass(intake.weight.mass, props.massUnit, 2)} {props.massUnit}. If this parcel is on the scale, lift it off and put it back.
        </p>
      )}
      {intake.verdict ? (
        <VerdictBanner verdict={intake.verdict} holdLocation={intake.holdLocation} />
      ) : (
        <p className={`step step-${step}`} data-testid="intake-step">{STEP_WORDS[step]}</p>
      )}
      <p className={`state-line${intake.verdict ? ' quiet' : ''}`} data-testid="intake-state">{STATE_WORDS[intake.state]}</p>
      <DocumentStatus documents={intake.documents} />
      <Manifest intake={intake} massUnit={props.massUnit} />
      <div className="measure">
        <div className="measure-weight">
          <h3>Weight</h3>
          <p className="captured" data-testid="captured-weight">
            {intake.weight ? `${formatMass(intake.weight.mass, props.massUnit, 2)} ${props.massUnit} (${intake.weight.source === 'manual' ? `typed: ${intake.weight.manualReason ?? ''}` : 'scale'})` : 'Not weighed yet'}
          </p>
          {can.has('weigh') && (
            <ManualWeight
              onSubmit={(m) => actions.captureWeight(m)}
              busy={busy}
              unit={props.massUnit}
              openRequest={props.request?.kind === 'typeWeight' ? props.request.n : null}
              error={field === 'manual.value' || field === 'manual.reason' ? props.error?.message ?? null : null}
            />
          )}
        </div>
        <div className="measure-size">
          <h3>Size{props.sizeRequired ? '' : ' (if needed)'}</h3>
          <p className="captured" data-testid="captured-dims">
            {intake.dims ? `${SIDES.map((s) => formatLength(intake.dims?.[s] ?? 0, intake.dims?.unit ?? 'in', 1)).join(' × ')} ${intake.dims.unit}` : 'Not measured yet'}
          </p>
          {can.has('setDimensions') && (
            <DimensionsForm
              onSubmit={actions.setDimensions}
              busy={busy}
              unit={props.lengthUnit}
              active={step === 'measure'}
              errorField={SIDES.find((s) => s === field) ?? null}
              error={field !== null && (SIDES as readonly string[]).includes(field) ? props.error?.message ?? null : null}
            />
          )}
        </div>
        <div className="measure-damage">
          <h3>Packaging</h3>
          <label className="damaged">
            <input type="checkbox" data-testid="damaged" checked={intake.damaged} disabled={!can.has('reportDamage') || busy} onChange={(e) => actions.reportDamage(e.target.checked)} /> Damaged <kbd>F6</kbd>
          </label>
          {!can.has('reportDamage') && <Why id="damaged">Printed: damage can no longer be changed here.</Why>}
          {intake.damaged && props.damagePhotos}
        </div>
      </div>
      <footer className="actions">
        {can.has('decide') && (
          <>
            <button type="button" className="primary" data-testid="commit-verdict" disabled={busy || intake.weight === null || (props.sizeRequired && intake.dims === null)} onClick={actions.commitVerdict}>
              Decide
            </button>
            {intake.dims === null && props.sizeRequired && <Why id="decide">Needs the size first.</Why>}
          </>
        )}
        {can.has('print') && intake.verdict && (
          <button type="button" data-testid="print" disabled={busy} onClick={() => actions.print(intake.verdict?.decision === 'RETURN' ? 'return-slip' : 'relabel')}>
            {intake.verdict.decision === 'RETURN' ? 'Reprint return slip' : 'Reprint label'} <kbd>F8</kbd>
          </button>
        )}
        {can.has('finish') && <FinishButton intake={intake} busy={busy} onFinish={actions.finish} />}
        {can.has('cancel') && <CancelButton onCancel={actions.cancel} busy={busy} openRequest={props.request?.kind === 'cancel' ? props.request.n : null} error={field === 'reason' ? props.error?.message ?? null : null} />}
        {busy && <Why id="busy">Working…</Why>}
      </footer>
    </section>
  );
}

const STATE_WORDS: Readonly<Record<IntakeView['state'], string>> = {
  scanned: 'Scanned — waiting for its weight',
  weighed: 'Weighed',
  decided: 'Decided',
  printed: 'Decided and printed',
  ready: 'Done',
  cancelled: 'Cancelled',
};

/** The visible reason a control is disabled or missing (never only a tooltip). */
function Why(props: { id: string; children: ReactNode }) {
  return <span className="why" data-testid={`why-${props.id}`}>{props.children}</span>;
}

function FieldError(props: { id: string; message: string | null }) {
  if (props.message === null) return null;
  return <p className="field-error" role="alert" data-testid={`${props.id}-error`}>{props.message}</p>;
}

function Manifest(props: { intake: IntakeView; massUnit: 'lb' | 'kg' }) {
  const m = props.intake.manifest;
  if (!m) return <p className="no-prealert" data-testid="no-prealert">No pre-alert for this parcel: weigh it; it will be held until HQ sends its manifest.</p>;
  return (
    <dl className="manifest" data-testid="manifest">
      <dt>Waybill</dt><dd data-testid="waybill">{m.waybill}</dd>
      <dt>To</dt><dd>{DESTINATION_NAMES[m.destination]} ({m.destination}) — {m.consigneeName}</dd>
      <dt>Piece</dt><dd>{m.pieceIndex} of {m.pieceCount}</dd>
      <dt>Declared</dt><dd>{formatMass(m.declaredMass, props.massUnit, 2)} {props.massUnit}</dd>
    </dl>
  );
}

/** Done for a hold or return (the one confirmation, focused: Enter); for an accept the next scan is enough. */
function FinishButton(props: { intake: IntakeView; busy: boolean; onFinish: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const decision = props.intake.verdict?.decision ?? null;
  const confirm = decision === 'HOLD' || decision === 'RETURN';
  useEffect(() => {
    if (confirm) focusOnBench(ref.current);
  }, [confirm, props.intake.updatedAt]);
  const label = decision === 'HOLD'
    ? `On shelf ${props.intake.holdLocation ?? ''} — next parcel`
    : decision === 'RETURN' ? 'Set aside for return — next parcel' : 'Done — next parcel';
  return (
    <button type="button" ref={ref} className="primary" data-testid="finish" disabled={props.busy} onClick={props.onFinish}>
      {label} <kbd>Enter</kbd>
    </button>
  );
}

function ManualWeight(props: { onSubmit: (m: { value: string; unit: MassUnit; reason: string }) => void; busy: boolean; unit: MassUnit; openRequest: number | null; error: string | null }) {
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const valueRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.openRequest !== null) focusOnBench(valueRef.current);
  }, [props.openRequest]);
  const missing = value.trim() === '' ? 'Type a weight and why' : reason.trim().length < NOTE_MIN_LENGTH ? `Write why (${NOTE_MIN_LENGTH} letters or more)` : null;
  return (
    <form className="manual-weight" onSubmit={(e) => { e.preventDefault(); props.onSubmit({ value: value.trim(), unit: props.unit, reason: reason.trim() }); }}>
      <span className="manual-label">Or type it <kbd>F4</kbd></span>
      <input ref={valueRef} data-testid="manual-weight" inputMode="decimal" aria-label={`weight in ${props.unit}`} placeholder={props.unit} value={value} onChange={(e) => setValue(e.target.value)} />
      <input data-testid="manual-reason" aria-label="why the weight is typed" placeholder="why (required)" minLength={NOTE_MIN_LENGTH} maxLength={REASON_MAX_LENGTH} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={props.busy || missing !== null}>Type weight</button>
      {missing !== null && <Why id="type-weight">{missing}.</Why>}
      <FieldError id="manual-weight" message={props.error} />
    </form>
  );
}

/**
 * L, Enter, W, Enter, H, Enter: Enter moves to the next empty side and sends the size once all three are typed.
 * Values are read from the fields themselves (a scanner-held key replayed just before Enter is already there).
 */
function DimensionsForm(props: {
  onSubmit: IntakeActions['setDimensions']; busy: boolean; unit: 'in' | 'cm'; active: boolean;
  errorField: (typeof SIDES)[number] | null; error: string | null;
}) {
  const refs = { length: useRef<HTMLInputElement>(null), width: useRef<HTMLInputElement>(null), height: useRef<HTMLInputElement>(null) };
  const [values, setValues] = useState({ length: '', width: '', height: '' });
  useEffect(() => {
    if (props.active) focusOnBench(refs.length.current);
  }, [props.active]);
  useEffect(() => {
    if (props.errorField) refs[props.errorField].current?.select();
  }, [props.errorField, props.error]);
  const read = () => ({ length: refs.length.current?.value.trim() ?? '', width: refs.width.current?.value.trim() ?? '', height: refs.height.current?.value.trim() ?? '' });
  const submit = () => {
    const v = read();
    const empty = SIDES.find((s) => v[s] === '');
    if (empty) focusOnBench(refs[empty].current);
    else if (!props.busy) props.onSubmit({ ...v, unit: props.unit });
  };
  const onKey = (side: (typeof SIDES)[number]) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = SIDES[SIDES.indexOf(side) + 1];
    if (next && read()[next] === '') focusOnBench(refs[next].current);
    else submit();
  };
  const all = SIDES.every((s) => values[s].trim() !== '');
  return (
    <form className="dims" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      {SIDES.map((side) => (
        <label key={side} className="dim">
          <span>{side === 'length' ? 'L' : side === 'width' ? 'W' : 'H'}</span>
          <input
            ref={refs[side]}
            data-testid={`dim-${side}`}
            inputMode="decimal"
            autoComplete="off"
            aria-label={`${side} in ${props.unit}`}
            aria-invalid={props.errorField === side}
            value={values[side]}
            onChange={(e) => setValues((old) => ({ ...old, [side]: e.target.value }))}
            onKeyDown={onKey(side)}
          />
        </label>
      ))}
      <span className="unit">{props.unit}</span>
      <button type="submit" data-testid="set-dims" disabled={props.busy || !all}>Set size</button>
      {!all && <Why id="set-dims">Type all three sides; Enter after each.</Why>}
      <FieldError id="dims" message={props.error} />
    </form>
  );
}

function CancelButton(props: { onCancel: (reason: string) => void; busy: boolean; openRequest: number | null; error: string | null }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (props.openRequest !== null) setAsking(true);
  }, [props.openRequest]);
  if (!asking && props.error === null) return <button type="button" data-testid="cancel" onClick={() => setAsking(true)}>Cancel parcel… <kbd>F9</kbd></button>;
  const short = reason.trim().length < NOTE_MIN_LENGTH;
  return (
    <form className="cancel" onSubmit={(e) => { e.preventDefault(); props.onCancel(reason.trim()); }}>
      <input data-testid="cancel-reason" autoFocus aria-label="why cancel" placeholder="why (required)" minLength={NOTE_MIN_LENGTH} maxLength={REASON_MAX_LENGTH} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" data-testid="confirm-cancel" disabled={props.busy || short}>Cancel parcel</button>
      <button type="button" onClick={() => setAsking(false)}>Keep it</button>
      {short && <Why id="confirm-cancel">Write why ({NOTE_MIN_LENGTH} letters or more).</Why>}
      <FieldError id="cancel" message={props.error} />
    </form>
  );
}
