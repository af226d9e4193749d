/**
 * The bench screen: the live weight and the scan field on the left, the open parcel's card on the right, the shelf,
 * print queue and recent parcels below. It follows the bench flow (shared/intake/benchFlow.ts): focus goes to the
 * length once the weight is in, the screen asks the station to decide as soon as nothing is missing, a hold or
 * return is confirmed with one Enter, and the next scan closes the parcel. Talks to the station only through the
 * contract client.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandName } from '../shared/contract/commandNames.ts';
import type { CommandRequest } from '../shared/contract/commands.ts';
import type { IntakeView } from '../shared/contract/intakeView.ts';
import type { StationErrorData } from '../shared/contract/result.ts';
import type { StationSettings } from '../shared/contract/settings.ts';
// The default until the station's settings arrive: the same configuration, so the wedge listener is not restarted
// (and a burst in flight not cut) when they do.
import { DEFAULT_WEDGE_CONFIG } from '../shared/scan/wedgeDetector.ts';
import { benchStep, readyToDecide, type BenchParcel } from '../shared/intake/benchFlow.ts';
import { limitsFromGrams, weightAgreement } from '../shared/scale/weightAgreement.ts';
import { formatMass } from '../shared/units/mass.ts';
import { useStation } from './station/useStation.ts';
import { StationUnreachable } from './station/StationUnreachable.tsx';
import { WeightDisplay } from './intake/WeightDisplay.tsx';
import { ScanField } from './intake/ScanField.tsx';
import { cardShowsError, IntakePanel, type IntakeActions, type PanelRequest } from './intake/IntakePanel.tsx';
import { SimulatedScaleControls } from './intake/SimulatedScaleControls.tsx';
import { RecentList } from './intake/RecentList.tsx';
import { SyncBadge } from './intake/SyncBadge.tsx';
import { ShortcutBar } from './intake/ShortcutBar.tsx';
import { SoundSettings } from './intake/SoundSettings.tsx';
import { errorNotice } from './intake/errorText.ts';
import { lookOf } from './intake/verdictLook.ts';
import { ScanSources, type ScanSource } from './intake/ScanSources.tsx';
import { HoldShelfSection } from './holds/HoldShelfSection.tsx';
import { NoticeBanner } from './notices/NoticeBanner.tsx';
import { ClockWarning } from './intake/ClockWarning.tsx';
import { PrintingSection } from './printing/PrintingSection.tsx';
import { BENCH_SOUNDS, playBenchSound, type BenchSound } from './sound/benchSounds.ts';
import { useBenchShortcuts } from './keyboard/useBenchShortcuts.ts';
import { AboutBox } from './about/AboutBox.tsx';
import { useSession } from './operators/useSession.ts';
import { SignInScreen } from './operators/SignInScreen.tsx';
import { SessionBadge } from './operators/SessionBadge.tsx';
import { OperatorsScreen } from './operators/OperatorsScreen.tsx';
import { LeadPage } from './lead/LeadPage.tsx';
import { LookupLauncher } from './lookup/LookupLauncher.tsx';
import { IntakePhotos } from './photos/IntakePhotos.tsx';
import { focusOnBench } from './keyboard/benchFocus.ts';

type IntakeCommand = 'intake.scan' | 'intake.captureWeight' | 'intake.setDimensions' | 'intake.reportDamage' | 'intake.commitVerdict' | 'intake.finish' | 'intake.cancel';

const parcelOf = (view: IntakeView | null): BenchParcel | null => view && { state: view.state, weighed: view.weight !== null, measured: view.dims !== null };

export function App() {
  const [error, setErrorState] = useState<StationErrorData | null>(null);
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const sound = useCallback((kind: BenchSound) => {
    const s = settingsRef.current;
    if (s) playBenchSound(kind, { volume: s.soundVolume, muted: s.soundMuted });
  }, []);
  const setError = useCallback((e: StationErrorData | null) => {
    setErrorState(e);
    if (e) sound('error');
  }, [sound]);
  const station = useStation(setError);
  const { client, intake, info } = station;
  const session = useSession(client, station.connected);
  const person = session.state?.session ?? null;
  const [operatorsOpen, setOperatorsOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [request, setRequest] = useState<PanelRequest | null>(null);
  const [leadOpen, setLeadOpen] = useState(false);
  const reportProblem = useCallback((message: string) => setError({ code: 'INTERNAL', message }), [setError]);
  const massUnit = settings?.displayMassUnit ?? 'lb';
  const lengthUnit = settings?.displayLengthUnit ?? 'in';
  const sizeRequired = settings?.sizeRequired ?? true;
  const step = benchStep(parcelOf(intake), { sizeRequired });

  async function run<N extends IntakeCommand>(name: N, req: CommandRequest<N>): Promise<boolean> {
    setBusy(true);
    setErrorState(null);
    const result = await client.call(name, req);
    setBusy(false);
    if (result.ok) station.setIntake(result.data as IntakeView);
    else setError(result.error);
    return result.ok;
  }

  async function simple<N extends CommandName>(name: N, req: CommandRequest<N>): Promise<void> {
    const result = await client.call(name, req);
    if (!result.ok) setError(result.error);
  }

  async function refreshIntake(intakeId: string): Promise<void> {
    const result = await client.call('intake.get', { intakeId });
    if (result.ok) station.setIntake(result.data);
  }

  const scan = (raw: string, source: ScanSource) =>
    void run('intake.scan', { commandId: crypto.randomUUID(), intakeId: crypto.randomUUID(), raw, source });
  const ids = (intakeId: string) => ({ commandId: crypto.randomUUID(), intakeId });
  const actions: IntakeActions | null = intake && {
    captureWeight: (manual) => void run('intake.captureWeight', { ...ids(intake.intakeId), ...(manual ? { manual } : {}) }),
    setDimensions: (dims) => void run('intake.setDimensions', { ...ids(intake.intakeId), ...dims }),
    reportDamage: (damaged) => void run('intake.reportDamage', { ...ids(intake.intakeId), damaged }),
    commitVerdict: () => void run('intake.commitVerdict', ids(intake.intakeId)),
    finish: () => void run('intake.finish', ids(intake.intakeId)).then((done) => done && focusScan()),
    print: (document) => void simple('print.document', { ...ids(intake.intakeId), document }).then(() => refreshIntake(intake.intakeId)),
    cancel: (reason) => void run('intake.cancel', { ...ids(intake.intakeId), reason }).then((done) => done && focusScan()),
  };

  // Decide by itself once nothing is missing (after the third Enter, or the weight when no size is needed): once
  // per change of the parcel. The station may have decided already (a corrected weight re-decides in the core).
  const decideAsked = useRef(new Set<string>());
  useEffect(() => {
    if (!intake || !settings || !readyToDecide(parcelOf(intake), { sizeRequired: settings.sizeRequired })) return;
    const key = `${intake.intakeId}:${intake.updatedAt}`;
    if (decideAsked.current.has(key)) return;
    decideAsked.current.add(key);
    void client.call('intake.commitVerdict', ids(intake.intakeId)).then(async (result) => {
      if (result.ok) return station.setIntake(result.data);
      const now = await client.call('intake.get', { intakeId: intake.intakeId });
      if (now.ok && (now.data.state === 'decided' || now.data.state === 'printed')) return station.setIntake(now.data);
      setError(result.error);
    });
  });

  // A verdict is heard as well as seen; an accept sends the focus back to the scan field (a hold or return focuses
  // its one confirmation).
  const heard = useRef<string | null>(null);
  useEffect(() => {
    if (!intake?.verdict) return;
    const key = `${intake.intakeId}:${intake.verdict.decision}:${intake.verdict.reasons.map((r) => r.code).join(',')}`;
    if (heard.current === key) return;
    heard.current = key;
    const look = lookOf(intake.verdict);
    sound(look);
    if (look === 'accept' || look === 'aside') focusScan();
  }, [intake, sound]);

  // A refusal is about a moment: once the open parcel moves on (a new parcel, its weight came, …) it is stale.
  const intakeMoment = intake ? `${intake.intakeId}:${intake.updatedAt}` : null;
  useEffect(() => setErrorState(null), [intakeMoment]);

  useEffect(() => {
    if (!station.connected) return;
    void client.call('settings.get', {}).then((r) => r.ok && setSettings(r.data));
  }, [client, station.connected]);
  useEffect(() => client.subscribe('captureFailed', (failure) => setError({ code: failure.code, message: failure.message })), [client, setError]);

  const updateSettings = (change: { soundVolume?: number; soundMuted?: boolean }) =>
    void client.call('settings.update', change).then((r) => (r.ok ? setSettings(r.data) : setError(r.error)));

  useBenchShortcuts((action) => {
    if (action === 'focusScan') return focusScan();
    if (!intake || !actions) return setError({ code: 'INVALID_STATE', message: 'Scan a parcel first.' });
    if (action === 'damaged') return actions.reportDamage(!intake.damaged);
    if (action === 'reprint') {
      if (!intake.verdict) return setError({ code: 'INVALID_STATE', message: 'There is nothing to reprint before the verdict.' });
      return actions.print(intake.verdict.decision === 'RETURN' ? 'return-slip' : 'relabel');
    }
    setRequest((r) => ({ kind: action, n: (r?.n ?? 0) + 1 }));
  });

  const liveReading = station.reading;
  const agreement = intake?.weight && liveReading && settings
    ? {
        result: weightAgreement(intake.weight.mass, liveReading, limitsFromGrams(settings.autoCaptureEmptyBelowG, settings.autoCaptureChangeToleranceG)),
        liveText: `${formatMass(liveReading.value, massUnit, 2)} ${massUnit}`,
      }
    : null;
  const notice = error && errorNotice(error);
  const fieldShown = intake !== null && cardShowsError(error);

  // Nobody signed in: the sign-in screen instead of the bench (the station refuses the bench's commands anyway).
  if (person === null) {
    return (
      <div className="app">
        <StationUnreachable link={station.link} lastRefused={station.lastRefused} />
        <header className="topbar">
          <StationTitle info={info} />
          {info?.demo && <span className="badge demo">DEMO DATA</span>}
        </header>
        <SignInScreen client={client} state={session.state} stationLabel={info ? `Station ${info.stationId}, ${info.warehouse}` : 'Connecting to the station…'} onSignedIn={session.setState} />
      </div>
    );
  }

  return (
    <div className="app">
      <StationUnreachable link={station.link} lastRefused={station.lastRefused} />
      <header className="topbar">
        <StationTitle info={info} />
        <SessionBadge session={person} onOperators={() => setOperatorsOpen(true)} onSignOut={() => void client.call('session.signOut', {}).then((r) => (r.ok ? session.setState(r.data) : setError(r.error)))} />
        {info?.demo && <span className="badge demo">DEMO DATA</span>}
        <span className={`badge ${station.connected ? 'ok' : 'bad'}`} data-testid="connection">{station.connected ? `Station ${info?.transport ?? ''}` : '⚠ Station not reachable'}</span>
        <SyncBadge sync={station.sync} onSyncNow={() => void simple('sync.now', {})} />
        <LookupLauncher client={client} warehouse={info?.warehouse ?? null} photoStrip={(intakeId) => <IntakePhotos client={client} intakeId={intakeId} canTake={false} />} />
        {person.role === 'lead' && <button type="button" className="sync-now" onClick={() => setLeadOpen(true)} data-testid="open-summary">Day summary</button>}
        {info && <AboutBox info={info} />}
      </header>
      {leadOpen && person.role === 'lead' && <LeadPage client={client} onClose={() => setLeadOpen(false)} />}
      {operatorsOpen && person.role === 'lead' && <OperatorsScreen client={client} onClose={() => setOperatorsOpen(false)} />}
      <NoticeBanner client={client} />
      <ClockWarning client={client} connected={station.connected} />
      <main className="bench">
        <div className="bench-left">
          <WeightDisplay reading={station.reading} indication={station.indication} device={station.scale} unit={massUnit} />
          {info?.demo && station.scale?.protocol === 'simulated' && (
            <SimulatedScaleControls
              unit={massUnit}
              onPlace={(value, unit) => void simple('scale.simulate', { action: 'place', value, unit })}
              onRemove={() => void simple('scale.simulate', { action: 'remove' })}
            />
          )}
          <ScanField busy={busy} onScan={(raw) => scan(raw, 'keyboard')} />
          {notice && !fieldShown && (
            <div className={`error ${notice.rescan ? 'rescan' : ''}`} role="alert" data-testid="error" data-code={error?.code}>
              <strong>{notice.title}</strong>
              <span>{notice.detail}</span>
            </div>
          )}
          <ShortcutBar />
        </div>
        <div className="bench-right">
          {intake && actions ? (
            <IntakePanel
              key={intake.intakeId}
              intake={intake}
              actions={actions}
              busy={busy}
              massUnit={massUnit}
              lengthUnit={lengthUnit}
              step={step}
              sizeRequired={sizeRequired}
              error={error}
              agreement={agreement}
              request={request}
              damagePhotos={<IntakePhotos client={client} intakeId={intake.intakeId} canTake />}
            />
          ) : (
            <section className="intake card card-idle" data-testid="idle">
              <p className="step">Scan a parcel to start</p>
              <p className="state-line">Scan anywhere on this screen, or type the number in the scan field.</p>
            </section>
          )}
        </div>
      </main>
      <div className="below">
        <HoldShelfSection client={client} refreshKey={station.recent} />
        <PrintingSection client={client} onError={reportProblem} />
        <RecentList recent={station.recent} massUnit={massUnit} />
        <div className="side-tools">
          <ScanSources wedge={settings?.wedge ?? DEFAULT_WEDGE_CONFIG} onScan={scan} onProblem={(message) => setError({ code: 'INVALID_REQUEST', message })} />
          {settings && (
            <SoundSettings volume={settings.soundVolume} muted={settings.soundMuted} onChange={updateSettings} onTest={() => BENCH_SOUNDS.forEach((s, i) => setTimeout(() => sound(s), i * 900))} />
          )}
        </div>
      </div>
    </div>
  );
}

function focusScan(): void {
  focusOnBench(document.getElementById('scan-input'));
}

/** The top bar's first words: the app and which station this is. */
function StationTitle(props: { info: { stationId: string; warehouse: string } | null }) {
  return (
    <>
      <h1>ECMS Intake</h1>
      <span className="badge" data-testid="station-id">{props.info ? `${props.info.stationId} · ${props.info.warehouse}` : '…'}</span>
    </>
  );
}
