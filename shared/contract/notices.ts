/**
 * Notices: things that happened to a parcel away from the bench, shown big on the screen for a while (event
 * stream `notice`, pushed after the change is committed). Each carries its words, ready to show.
 *   hold-released    HQ recorded what the hold waited for, or a lead released it: relabel and send on
 *   hold-returned    a lead turned the hold into a return, or it was held too long: return it to sender
 *   released-before  a parcel scanned again had been released from the shelf
 */
import { z } from 'zod';

export const NOTICE_KINDS = ['hold-released', 'hold-returned', 'released-before'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Who made the change: HQ (sync), a lead at the station, or the station itself (a hold past its time). */
export const NOTICE_SOURCES = ['hq', 'lead', 'station'] as const;

export const NoticeSchema = z.object({
  noticeId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  intakeId: z.string(),
  waybill: z.string().nullable(),
  /** The hold-shelf slot, e.g. "H-01-02". */
  slot: z.string().nullable(),
  by: z.enum(NOTICE_SOURCES),
  /** For people, e.g. "H-01-02 released: relabel and send on". */
  text: z.string(),
  at: z.number(),
});
export type Notice = z.infer<typeof NoticeSchema>;
