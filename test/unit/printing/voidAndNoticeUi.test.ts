/**
 * What a worker sees of void documents and notices (server-rendered markup and the pure notice list): the queue and
 * the card say VOID in words with what to do, a void job offers no Retry or Reprint, a REPRINT after a crash says
 * so, the VOID-slip setting is shown, and notices stay a while, newest first, and can be dismissed.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrintQueueList } from '../../../renderer/printing/PrintQueueList.tsx';
import { PrinterSetupPanel } from '../../../renderer/printing/PrinterSetupPanel.tsx';
import { DocumentStatus } from '../../../renderer/intake/DocumentStatus.tsx';
import { NoticeList } from '../../../renderer/notices/NoticeBanner.tsx';
import { NOTICE_MAX, NOTICE_SHOW_MS, addNotice, dismissNotice, expireNotices, nextExpiry, type ShownNotice } from '../../../renderer/notices/noticeList.ts';
import type { Notice } from '../../../shared/contract/notices.ts';
import type { IntakeDocument, PrintJobView, PrintQueueStatus } from '../../../shared/printing/printJob.ts';
import { DEFAULT_PRINT_SETTINGS } from '../../../shared/printing/printerSettings.ts';

const noop = () => undefined;
const job = (over: Partial<PrintJobView>): PrintJobView => ({
  jobId: 'j1', intakeId: 'i1', document: 'relabel', format: 'zpl', copy: 1, reason: 'auto', subject: 'APELAX1040039963',
  printer: 'ZPL 203 dpi at 192.168.1.50:9100', state: 'done', attempts: 1, nextAttemptAt: null, lastError: null,
  createdAt: 1_000, updatedAt: 1_000, doneAt: 1_500, voided: null, mark: null, voidsJobId: null, ...over,
});

describe('the print queue with void and REPRINT jobs', () => {
  const status: PrintQueueStatus = {
    counts: { queued: 0, sending: 0, handoff: 0, done: 2, failed: 0 },
    jobs: [
      job({ jobId: 'v', voided: { at: 2_000, reason: 'the weight was corrected' } }),
      job({ jobId: 'w', state: 'queued', doneAt: null, voided: { at: 2_000, reason: 'the size was corrected' } }),
      job({ jobId: 'r', mark: 'REPRINT' }),
      job({ jobId: 's', mark: 'VOID', voidsJobId: 'v' }),
    ],
    damaged: [],
  };
  const html = renderToStaticMarkup(createElement(PrintQueueList, { status, now: 4_000, onRetry: noop, onReprint: noop, formatTime: () => 'T' }));
  const row = (id: string) => new RegExp(`<tr[^>]*data-job-id="${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';

  it('says VOID and what to do, and offers neither Retry nor Reprint for a void job', () => {
    expect(html).toMatch(/class="print-job-void"[^>]*data-voided="true"[^>]*data-job-id="v"/);
    expect(row('v')).toContain('VOID');
    expect(row('v')).toContain('Printed, then void: the weight was corrected. Take this label off the parcel.');
    expect(row('v')).not.toContain('print-reprint');
    expect(row('w')).toContain('Not printed: the size was corrected.');
    expect(row('w')).not.toContain('print-retry');
  });

  it('marks a job sent again after a crash as REPRINT and a VOID slip as such, without Reprint on the slip', () => {
    expect(row('r')).toContain('REPRINT');
    expect(row('r')).toContain('print-reprint');
    expect(row('s')).toContain('VOID slip');
    expect(row('s')).not.toContain('print-reprint');
  });
});

describe('the parcel card', () => {
  const docs: IntakeDocument[] = [
    { jobId: 'a', document: 'relabel', copy: 1, state: 'done', voided: { at: 2, reason: 'the verdict changed' }, mark: null },
    { jobId: 'b', document: 'return-slip', copy: 1, state: 'queued', voided: null, mark: null },
  ];

  it('lists each document; a void one says VOID, why, and to take it off', () => {
    const html = renderToStaticMarkup(createElement(DocumentStatus, { documents: docs }));
    expect(html).toMatch(/data-voided="true" data-job-id="a">[\s\S]*?VOID[\s\S]*?printed, now void[\s\S]*?the verdict changed\.[\s\S]*?Take it off the parcel\./);
    expect(html).toMatch(/data-voided="false" data-job-id="b">Return slip: waiting to print/);
  });

  it('shows nothing for a parcel without documents', () => {
    expect(renderToStaticMarkup(createElement(DocumentStatus, { documents: undefined }))).toBe('');
  });
});

describe('printer setup', () => {
  it('offers the VOID slip, off by default', () => {
    const html = renderToStaticMarkup(createElement(PrinterSetupPanel, { settings: DEFAULT_PRINT_SETTINGS, printers: { cups: null, system: null }, onSave: noop, onTest: noop }));
    expect(html).toMatch(/<input type="checkbox" data-testid="void-slip"\/>/);
    const on = renderToStaticMarkup(createElement(PrinterSetupPanel, { settings: { ...DEFAULT_PRINT_SETTINGS, voidSlip: true }, printers: { cups: null, system: null }, onSave: noop, onTest: noop }));
    expect(on).toMatch(/<input type="checkbox" data-testid="void-slip" checked=""\/>/);
  });
});

describe('notices', () => {
  const notice = (n: number): Notice => ({
    noticeId: `n${n}`, kind: 'hold-released', intakeId: 'i', waybill: 'APELAX1040039963', slot: `H-01-0${n}`, by: 'hq', text: `H-01-0${n} released: relabel and send on`, at: n,
  });

  it('shows the text big with a dismiss button', () => {
    const shown = addNotice([], notice(2), 0);
    const html = renderToStaticMarkup(createElement(NoticeList, { shown, onDismiss: noop }));
    expect(html).toContain('H-01-02 released: relabel and send on');
    expect(html).toContain('data-testid="notice-dismiss"');
    expect(renderToStaticMarkup(createElement(NoticeList, { shown: [], onDismiss: noop }))).toBe('');
  });

  it('over any sequence of arrivals, dismissals and time: newest first, at most a few, none past its time, none twice', () => {
    type Step = { kind: 'add'; n: number } | { kind: 'dismiss'; n: number } | { kind: 'wait'; ms: number };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('dismiss' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: NOTICE_SHOW_MS }) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps: Step[]) => {
      let list: ShownNotice[] = [];
      let now = 0;
      let lastAdded: string | null = null;
      for (const s of steps) {
        if (s.kind === 'add') {
          list = addNotice(list, notice(s.n), now);
          lastAdded = `n${s.n}`;
        } else if (s.kind === 'dismiss') {
          list = dismissNotice(list, `n${s.n}`);
          expect(list.some((x) => x.notice.noticeId === `n${s.n}`)).toBe(false);
          if (lastAdded === `n${s.n}`) lastAdded = null;
        } else {
          now += s.ms;
          list = expireNotices(list, now);
        }
        expect(list.length).toBeLessThanOrEqual(NOTICE_MAX);
        expect(new Set(list.map((x) => x.notice.noticeId)).size).toBe(list.length);
        expect(list.every((x) => x.until > now)).toBe(true);
        expect([...list].sort((a, b) => b.until - a.until).map((x) => x.notice.noticeId)).toEqual(list.map((x) => x.notice.noticeId));
        if (s.kind === 'add') expect(list[0]?.notice.noticeId).toBe(lastAdded);
        expect(nextExpiry(list)).toBe(list.length === 0 ? null : Math.min(...list.map((x) => x.until)));
      }
    }));
  });
});
