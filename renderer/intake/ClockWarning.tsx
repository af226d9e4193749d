/**
 * The station clock cannot be trusted (station.info → clockWarning, shared/rules/stationTime.ts): an unmistakable
 * banner across the bench, a colour plus words — what is wrong (the station's own sentence, with how far off the clock
 * is) and what to do. While verdicts are stopped (CLOCK_SKEW) it is red; a clock that only jumped (verdicts go on,
 * holds are aged by the time that really passed) is amber. Re-read on every reconnect and every minute. Its styles
 * are clockWarning.css (imported by renderer/main.tsx, like the other screens' sheets).
 */
import { useEffect, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import { blocksVerdicts } from '../../shared/rules/stationTime.ts';
import { watchClockWarning, type StationClockWarning } from './clockWarningWatch.ts';

export interface ClockWarningWords {
  readonly stopsVerdicts: boolean;
  readonly title: string;
  readonly detail: string;
  readonly action: string;
}

/** The banner's words for a warning; null when the clock is fine. */
export function clockWarningWords(warning: StationClockWarning): ClockWarningWords | null {
  if (warning === null) return null;
  const stopsVerdicts = blocksVerdicts(warning);
  return stopsVerdicts
    ? { stopsVerdicts, title: 'The station clock is wrong — parcels cannot be decided', detail: warning.message,
        action: 'Verdicts are stopped until the clock is right. Call a supervisor.' }
    : { stopsVerdicts, title: 'The station clock moved', detail: warning.message,
        action: 'Parcels are still decided. Tell a supervisor so the clock is checked.' };
}

export function ClockWarningBanner(props: { readonly warning: StationClockWarning }) {
  const words = clockWarningWords(props.warning);
  if (words === null) return null;
  return (
    <section className={`clock-warning ${words.stopsVerdicts ? 'clock-warning-stop' : 'clock-warning-moved'}`} role="alert"
      data-testid="clock-warning" data-problem={props.warning?.problem}>
      <span className="clock-warning-icon" aria-hidden="true">⚠</span>
      <div>
        <p className="clock-warning-title">{words.title}</p>
        <p className="clock-warning-detail">{words.detail}</p>
        <p className="clock-warning-action">{words.action}</p>
      </div>
    </section>
  );
}

/** The banner, kept current from the station: read when the link opens (again) and every minute. */
export function ClockWarning(props: { readonly client: StationClient; readonly connected: boolean }) {
  const [warning, setWarning] = useState<StationClockWarning>(null);
  useEffect(() => (props.connected ? watchClockWarning(props.client, setWarning) : undefined), [props.client, props.connected]);
  return <ClockWarningBanner warning={warning} />;
}
