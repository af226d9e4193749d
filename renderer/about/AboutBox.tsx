/**
 * The About box in the top bar: which build of ECMS Intake runs here (version, the commit and time it was built,
 * from station.info's build stamp), how the station runs and where its data lives — what IT asks for on the phone.
 */
import type { CommandResponse } from '../../shared/contract/commands.ts';

type StationInfo = CommandResponse<'station.info'>;

export function aboutLines(info: StationInfo): Array<[label: string, value: string]> {
  const built = info.build
    ? `${info.build.commit ?? 'not from a git checkout'}, ${info.build.builtAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`
    : 'not a built app (running from sources)';
  return [
    ['Version', info.version],
    ['Build', built],
    ['Station', `${info.stationId} (${info.warehouse})`],
    ['Runs as', info.transport === 'electron' ? 'desktop app' : 'browser mode'],
    ['Data folder', info.dataDir],
  ];
}

export function AboutBox({ info }: { info: StationInfo }) {
  return (
    <details className="about-box" data-testid="about-box">
      <summary>About</summary>
      <div className="about-body">
        <strong>ECMS Intake {info.version}</strong>
        <dl>
          {aboutLines(info).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd data-testid={`about-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
