/**
 * The words of the notices the hold shelf raises (shared/contract/notices.ts): built inside the change's
 * transaction from the hold row, emitted once it has committed.
 */
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../shared/contract/notices.ts';
import type { HoldRow } from '../db/queries/holds.ts';

type By = Notice['by'];

const BY_WORDS: Readonly<Record<By, string>> = { hq: 'by HQ', lead: 'by a lead', station: 'by the station' };

function base(hold: Pick<HoldRow, 'intake_id' | 'waybill' | 'location'>, by: By, at: number) {
  return { noticeId: randomUUID(), intakeId: hold.intake_id, waybill: hold.waybill, slot: hold.location, by, at };
}

export function releasedNotice(hold: Pick<HoldRow, 'intake_id' | 'waybill' | 'location'>, by: By, at: number): Notice {
  return { ...base(hold, by, at), kind: 'hold-released', text: `${hold.location} released: relabel and send on` };
}

export function returnedNotice(hold: Pick<HoldRow, 'intake_id' | 'waybill' | 'location'>, by: By, at: number): Notice {
  const why = by === 'station' ? 'held too long' : 'to be returned';
  return { ...base(hold, by, at), kind: 'hold-returned', text: `${hold.location} ${why}: put the return slip on it and send it back to the shipper` };
}

export function releasedBeforeNotice(hold: Pick<HoldRow, 'intake_id' | 'waybill' | 'location' | 'close_cause'>, tracking: string, at: number): Notice {
  const by: By = hold.close_cause === 'auto_release' ? 'hq' : 'lead';
  return {
    ...base(hold, by, at), kind: 'released-before',
    text: `${hold.waybill ?? tracking} was released from ${hold.location} ${BY_WORDS[by]}: relabel and send on`,
  };
}
