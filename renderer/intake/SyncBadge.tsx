/**
 * HQ sync in words and colour, never only in a tooltip: online (quiet), offline (red, "kept here, sent later"),
 * refused events (amber, "needs a supervisor"). "Sync now" asks the station to send and fetch at once.
 */
import type { SyncStatus } from '../../shared/sync/syncStatus.ts';

export function SyncBadge(props: { sync: SyncStatus | null; onSyncNow?: () => void }) {
  const s = props.sync;
  if (!s) return <span className="badge">HQ …</span>;
  const state = !s.configured ? 'local only' : s.online === false ? 'offline' : s.online ? 'online' : 'connecting';
  const attention = s.dead > 0;
  const canSyncNow = props.onSyncNow !== undefined && s.configured && (s.phase === 'idle' || s.phase === 'waiting');
  return (
    <>
    <span className={`badge sync-${state.replace(' ', '-')}${attention ? ' sync-attention' : ''}`} data-testid="sync-badge" data-state={state}>
      {state === 'offline' && <span aria-hidden="true">⚠ </span>}
      HQ {state}{state === 'offline' ? ' — parcels are kept here and sent later' : ''} · {s.pending} queued
      {attention && ` · ${s.dead} refused by HQ — needs a supervisor`}
      {s.lastAckAt !== null && ` · last ack ${new Date(s.lastAckAt).toLocaleTimeString()}`}
      {s.progress !== null && <progress max={1} value={s.progress} />}
    </span>
    {canSyncNow && <button type="button" className="sync-now" data-testid="sync-now" onClick={props.onSyncNow}>Sync now</button>}
    </>
  );
}
