/**
 * Notices from away from the bench, big enough to read at 2 m: "H-01-02 released: relabel and send on". The
 * newest few stay up for a while (noticeList.ts) and each can be dismissed. Listens to the station's `notice`
 * event stream through the contract client.
 */
import { useEffect, useState } from 'react';
import type { StationClient } from '../../shared/contract/stationApi.ts';
import type { Notice } from '../../shared/contract/notices.ts';
import { addNotice, dismissNotice, expireNotices, nextExpiry, type ShownNotice } from './noticeList.ts';

export function NoticeList(props: { readonly shown: readonly ShownNotice[]; readonly onDismiss: (noticeId: string) => void }) {
  if (props.shown.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices" aria-live="assertive" data-testid="notices">
      {props.shown.map(({ notice }) => (
        <div key={notice.noticeId} className={`notice notice-${notice.kind}`} role="status" data-testid="notice" data-kind={notice.kind}>
          <p className="notice-text">{notice.text}</p>
          <button type="button" className="notice-dismiss" onClick={() => props.onDismiss(notice.noticeId)} data-testid="notice-dismiss">
            OK
          </button>
        </div>
      ))}
    </section>
  );
}

export function NoticeBanner(props: { readonly client: StationClient }) {
  const [shown, setShown] = useState<ShownNotice[]>([]);
  useEffect(() => props.client.subscribe('notice', (notice: Notice) => setShown((list) => addNotice(list, notice, Date.now()))), [props.client]);
  useEffect(() => {
    const at = nextExpiry(shown);
    if (at === null) return undefined;
    const timer = setTimeout(() => setShown((list) => expireNotices(list, Date.now())), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [shown]);
  return <NoticeList shown={shown} onDismiss={(noticeId) => setShown((list) => dismissNotice(list, noticeId))} />;
}
