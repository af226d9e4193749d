/**
 * The intake screen: live weight, scan field, the open parcel with its verdict, recent parcels, and the state of the
 * scale and of sync. Talks to the station only through the contract client.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WedgeConfig } from '../shared/scan/wedgeDetector.ts';
import type { CommandName } from '../shared/contract/commandNames.ts';
import type { CommandRequest } from '../shared/contract/commands.ts';
import type { IntakeView } from '../shared/contract/intakeView.ts';
import type { StationErrorData } from '../shared/contract/result.ts';
import { useStation } from './station/useStation.ts';
import { WeightDisplay } from './intake/WeightDisplay.tsx';
import { ScanField } from './intake/ScanField.tsx';
import { IntakePanel, type IntakeActions } from './intake/IntakePanel.tsx';
import { SimulatedScaleControls } from './intake/SimulatedScaleControls.tsx';
import { RecentList } from './intake/RecentList.tsx';
import { SyncBadge } from './intake/SyncBadge.tsx';
import { errorNotice } from './intake/errorText.ts';
import { ScanSources, type ScanSource } from './intake/ScanSources.tsx';
import { HoldShelfSection } from './holds/HoldShelfSection.tsx';
import { PrintingSection } from './printing/PrintingSection.tsx';

type IntakeCommand = 'intake.scan' | 'intake.captureWeight' | 'intake.setDimensions' | 'intake.reportDamage' | 'intake.commitVerdict' | 'intake.finish' | 'intake.cancel';

export function App() {
  const [error, setError] = useState<StationErrorData | null>(null);
  const station = useStation(setError);
  const { client, intake, info } = station;
  const [busy, setBusy] = useState(false);
  const reportProblem = useCallback((message: string) => setError({ code: 'INTERNAL', message }), []);
  const massUnit = 'lb';
  const lengthUnit = 'in';

  async function run<N extends IntakeCommand>(name: N, request: CommandRequest<N>): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await client.call(name, request);
    setBusy(false);
    if (result.ok) station.setIntake(result.data as IntakeView);
    else setError(result.error);
  }

  async function refreshIntake(intakeId: string): Promise<void> {
    const result = await client.call('intake.get', { intakeId });
    if (result.ok) station.setIntake(result.data);
  }

  async function simple<N extends CommandName>(name: N, request: CommandRequest<N>): Promise<void> {
    const result = await client.call(name, request);
    if (!result.ok) setError(result.error);
  }

  const scan = (raw: string, source: ScanSource) =>
    void run('intake.scan', { commandId: crypto.randomUUID(), intakeId: crypto.randomUUID(), raw, source });
  const ids = (intakeId: string) => ({ commandId: crypto.randomUUID(), intakeId });
  const actions: IntakeActions | null = intake && {
    captureWeight: (manual) => void run('intake.captureWeight', { ...ids(intake.intakeId), ...(manual ? { manual } : {}) }),
    setDimensions: (dims) => void run('intake.setDimensions', { ...ids(intake.intakeId), ...dims }),
    reportDamage: (damaged) => void run('intake.reportDamage', { ...ids(intake.intakeId), damaged }),
    commitVerdict: () => void run('intake.commitVerdict', ids(intake.intakeId)),
    finish: () => void run('intake.finish', ids(intake.intakeId)),
    print: (document) => void simple('print.document', { ...ids(intake.intakeId), document }).then(() => refreshIntake(intake.intakeId)),
    cancel: (reason) => void run('intake.cancel', { ...ids(intake.intakeId), reason }),
  };
  const notice = error && errorNotice(error);
  const [wedgeConfig, setWedgeConfig] = useState<WedgeConfig | null>(null);
  useEffect(() => {
    if (station.connected) void client.call('settings.get', {}).then((r) => r.ok && setWedgeConfig(r.data.wedge));
  }, [client, station.connected]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>ECMS Intake</h1>
        <span className="badge" data-testid="station-id">{info ? `${info.stationId} · ${info.warehouse} · ${info.operator}` : '…'}</span>
        {info?.demo && <span className="badge demo">DEMO DATA</span>}
        <span className={`badge ${station.connected ? 'ok' : 'bad'}`} data-testid="connection">{station.connected ? `Station ${info?.transport ?? ''}` : 'Station not reachable'}</span>
        <SyncBadge sync={station.sync} />
      </header>
      <main>
        <div className="left">
          <WeightDisplay reading={station.reading} indication={station.indication} device={station.scale} unit={massUnit} />
          {info?.demo && station.scale?.protocol === 'simulated' && (
            <SimulatedScaleControls
              unit={massUnit}
              onPlace={(value, unit) => void simple('scale.simulate', { action: 'place', value, unit })}
              onRemove={() => void simple('scale.simulate', { action: 'remove' })}
            />
          )}
          <ScanField busy={busy} onScan={(raw) => scan(raw, 'keyboard')} />
          {notice && (
            <div className={`error ${notice.rescan ? 'rescan' : ''}`} role="alert" data-testid="error" data-code={error?.code}>
              <strong>{notice.title}</strong>
              <span>{notice.detail}</span>
            </div>
          )}
          <ScanSources wedge={wedgeConfig} onScan={scan} onProblem={(message) => setError({ code: 'INVALID_REQUEST', message })} />
        </div>
        <div className="right">
          {intake && actions ? (
            <IntakePanel intake={intake} actions={actions} busy={busy} massUnit={massUnit} lengthUnit={lengthUnit} />
          ) : (
            <section className="intake idle" data-testid="idle">Scan a parcel to start.</section>
          )}
          <HoldShelfSection client={client} refreshKey={station.recent} />
          <PrintingSection client={client} onError={reportProblem} />
          <RecentList recent={station.recent} massUnit={massUnit} />
        </div>
      </main>
    </div>
  );
}
