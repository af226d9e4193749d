import { describe, expect, it } from 'vitest';
import { PushRequestSchema, PushResponseSchema, WireEventSchema } from '../../../shared/sync/pushWire.ts';
import { PullResponseSchema } from '../../../shared/sync/pullWire.ts';
import { HqErrorBodySchema } from '../../../shared/sync/hqErrors.ts';
import { SyncConfigSchema } from '../../../shared/sync/syncConfig.ts';

describe('sync wire schemas', () => {
  it('the push envelope only needs sequence numbers; each event is checked on its own', () => {
    expect(PushRequestSchema.safeParse({ protocol: 1, stationId: 'LAX-01', events: [{ seq: 1, anything: true }] }).success).toBe(true);
    expect(PushRequestSchema.safeParse({ protocol: 2, stationId: 'LAX-01', events: [{ seq: 1 }] }).success).toBe(false);
    expect(PushRequestSchema.safeParse({ protocol: 1, stationId: 'LAX-01', events: [{ seq: 0 }] }).success).toBe(false);
    const ev = { seq: 1, eventId: 'e', commandId: 'c', intakeId: 'i', type: 'intake.scanned', capturedAt: 5, payload: { a: [1, null] } };
    expect(WireEventSchema.safeParse(ev).success).toBe(true);
    expect(WireEventSchema.safeParse({ ...ev, extra: 1 }).success).toBe(false);
    expect(WireEventSchema.safeParse({ ...ev, payload: undefined }).success).toBe(false);
  });

  it('push answers and error bodies', () => {
    expect(PushResponseSchema.safeParse({ ackSeq: 3, rejected: [{ seq: 2, code: 'INVALID_EVENT', message: 'x' }], serverTime: 1 }).success).toBe(true);
    expect(PushResponseSchema.safeParse({ ackSeq: -1, rejected: [], serverTime: 1 }).success).toBe(false);
    expect(HqErrorBodySchema.safeParse({ error: { code: 'SEQ_GAP', message: 'm' }, expectedSeq: 4 }).success).toBe(true);
    expect(HqErrorBodySchema.safeParse({ error: { code: 'TEAPOT', message: 'm' } }).success).toBe(false);
  });

  it('pull pages and resets', () => {
    expect(PullResponseSchema.safeParse({ reset: false, stream: 'manifests', cursor: 'c', upToDate: true, items: [] }).success).toBe(true);
    expect(PullResponseSchema.safeParse({ reset: true, stream: 'rateCards', reason: 'r' }).success).toBe(true);
    expect(PullResponseSchema.safeParse({ reset: false, stream: 'other', cursor: 'c', upToDate: true, items: [] }).success).toBe(false);
    expect(PullResponseSchema.safeParse({ reset: false, stream: 'manifests', upToDate: true, items: [] }).success).toBe(false);
  });

  it('station HQ settings', () => {
    const token = `ecms1_${'a'.repeat(16)}_${'B'.repeat(43)}`;
    expect(SyncConfigSchema.safeParse({ hqUrl: 'http://127.0.0.1:8787', token }).success).toBe(true);
    expect(SyncConfigSchema.safeParse({ hqUrl: 'ftp://x', token }).success).toBe(false);
    expect(SyncConfigSchema.safeParse({ hqUrl: 'https://hq.example', token: 'secret' }).success).toBe(false);
  });
});
