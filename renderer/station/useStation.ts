/**
 * The station state the intake screen draws: connection, station info, live weight and device status, the open
 * intake, sync status and recent intakes — kept current from the event streams.
 *
 * When the link to the station is lost, what only the station can know is dropped (live weight, scale and sync
 * status), so no part of the screen shows a stale "Stable" or "HQ online"; calls refused meanwhile are remembered
 * for the screen to say so. When the link comes back everything is fetched again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StationErrorData } from '../../shared/contract/result.ts';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { CommandResponse } from '../../shared/contract/commands.ts';
import type { IntakeSummary, IntakeView } from '../../shared/contract/intakeView.ts';
import type { ScaleDeviceStatus, ScaleReading } from '../../shared/scale/reading.ts';
import type { ScaleIndication } from '../../shared/scale/scaleIndication.ts';
import type { SyncStatus } from '../../shared/sync/syncStatus.ts';
import { connectStation } from './connectStation.ts';
import type { RefusedCall, StationLink } from './stationLink.ts';

export interface StationState {
  readonly client: StationClient;
  /** The link is open: commands reach the station. */
  readonly connected: boolean;
  readonly link: StationLink;
  /** The latest call refused because the station was unreachable, since the link was last open. */
  readonly lastRefused: RefusedCall | null;
  readonly info: CommandResponse<'station.info'> | null;
  readonly reading: ScaleReading | null;
  /** The scale's latest condition without a weight (overload, under zero…), if newer than the latest reading. */
  readonly indication: ScaleIndication | null;
  readonly scale: ScaleDeviceStatus | null;
  readonly intake: IntakeView | null;
  readonly sync: SyncStatus | null;
  readonly recent: IntakeSummary[];
  setIntake(view: IntakeView | null): void;
}

export function useStation(onScanRejected: (error: StationErrorData) => void): StationState {
  const onRejectedScan = useRef(onScanRejected);
  onRejectedScan.current = onScanRejected;
  const [link, setLink] = useState<StationLink>('connecting');
  const connected = link === 'connected';
  const [lastRefused, setLastRefused] = useState<RefusedCall | null>(null);
  const client = useMemo<StationClient>(() => {
    const inner = connectStation(setLink);
    return {
      subscribe: (event, listener) => inner.subscribe(event, listener),
      async call(name, request) {
        const result = await inner.call(name, request);
        if (!result.ok && result.error.code === 'STATION_UNREACHABLE') setLastRefused({ command: name, at: Date.now() });
        return result;
      },
    };
  }, []);
  const [info, setInfo] = useState<StationState['info']>(null);
  const [reading, setReading] = useState<ScaleReading | null>(null);
  const [indication, setIndication] = useState<ScaleIndication | null>(null);
  const [scale, setScale] = useState<ScaleDeviceStatus | null>(null);
  const [intake, setIntake] = useState<IntakeView | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [recent, setRecent] = useState<IntakeSummary[]>([]);
  const [recentTick, setRecentTick] = useState(0);

  useEffect(() => {
    const offs = [
      client.subscribe('weight', (r) => {
        setReading(r);
        setIndication((i) => (i && i.at > r.at ? i : null));
      }),
      client.subscribe('scaleIndication', setIndication),
      client.subscribe('deviceStatus', (s) => setScale(s.scale)),
      client.subscribe('intake', (view) => {
        setIntake(view);
        setRecentTick((t) => t + 1);
      }),
      client.subscribe('syncProgress', setSync),
      client.subscribe('scanRejected', (rejection) => onRejectedScan.current(rejection)),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);

  useEffect(() => {
    if (!connected) {
      if (link === 'lost') {
        setReading(null);
        setIndication(null);
        setScale(null);
        setSync(null);
      }
      return;
    }
    setLastRefused(null);
    void client.call('station.info', {}).then((r) => r.ok && setInfo(r.data));
    void client.call('intake.current', {}).then((r) => r.ok && setIntake(r.data));
    void client.call('scale.status', {}).then((r) => {
      if (r.ok) {
        setScale(r.data.device);
        setReading(r.data.last);
      }
    });
  }, [client, connected, link]);

  useEffect(() => {
    if (!connected) return;
    void client.call('intake.recent', { limit: 12 }).then((r) => r.ok && setRecent(r.data));
    void client.call('sync.status', {}).then((r) => r.ok && setSync(r.data));
  }, [client, connected, recentTick]);

  return {
    client, connected, link, lastRefused, info, reading, indication, scale, intake, sync, recent,
    setIntake: (view) => {
      setIntake(view);
      setRecentTick((t) => t + 1);
    },
  };
}
