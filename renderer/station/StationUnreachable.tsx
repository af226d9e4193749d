/**
 * Full screen, over everything, while the screen cannot reach the station: what happened, what to do, and that it
 * comes back by itself. Also shown, with how to open it properly, for a page opened without its key.
 */
import type { RefusedCall, StationLink } from './stationLink.ts';
import './stationUnreachable.css';

const REFUSED_WORDS: Readonly<Record<string, string>> = {
  'intake.scan': 'A scan was NOT taken. Scan that parcel again when this message goes away.',
};

function refusedWords(refused: RefusedCall): string {
  return REFUSED_WORDS[refused.command] ?? 'Your last action was NOT done. Do it again when this message goes away.';
}

export function StationUnreachable(props: { link: StationLink; lastRefused: RefusedCall | null }) {
  const { link, lastRefused } = props;
  if (link === 'noToken') {
    return (
      <div className="station-unreachable no-token" role="alertdialog" aria-modal="true" aria-labelledby="unreachable-title" data-testid="station-unreachable" data-state="noToken">
        <div className="unreachable-box">
          <h1 id="unreachable-title">This page was opened without its key</h1>
          <p className="unreachable-what">The intake screen only works when it is opened from the station&apos;s own address.</p>
          <p className="unreachable-do">Open the full address the station shows when it starts (it ends with a long key after <strong>#token=</strong>), or start the station again: it opens its own window.</p>
        </div>
      </div>
    );
  }
  if (link !== 'lost') return null;
  return (
    <div className="station-unreachable" role="alertdialog" aria-modal="true" aria-labelledby="unreachable-title" data-testid="station-unreachable" data-state="lost">
      <div className="unreachable-box">
        <h1 id="unreachable-title">Station not running</h1>
        <p className="unreachable-what">Scans and weights are not being taken right now.</p>
        {lastRefused && <p className="unreachable-refused" data-testid="unreachable-refused">{refusedWords(lastRefused)}</p>}
        <p className="unreachable-do">Leave this screen open. If the station was closed, start it again, or call a supervisor.</p>
        <p className="unreachable-retry"><span className="unreachable-spinner" aria-hidden="true" /> Reconnecting by itself…</p>
      </div>
    </div>
  );
}
