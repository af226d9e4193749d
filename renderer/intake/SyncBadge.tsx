import type { SyncStatus } from '../../shared/sync/syncStatus.ts';

export function SyncBadge(props: { sync: SyncStatus | null }) {
  const s = props.sync;
  if (!s) return <span className="badge">Sync …</span>;
  const state = !s.configured ? 'local only' : s.online === false ? 'offline' : s.online ? 'online' : 'connecting';
  return (
    <span className={`badge sync-${state.replace(' ', '-')}`} data-testid="sync-badge" title={s.lastError ?? ''}>
      HQ {state} · {s.pending} queued{s.dead > 0 ? ` · ${s.dead} refused` : ''}
      {s.lastAckAt !== null && ` · last ack ${new Date(s.lastAckAt).toLocaleTimeString()}`}
      {s.progress !== null && <progress max={1} value={s.progress} />}
    </span>
  );
}
