/**
 * Stand-ins for the station's ports in unit tests of the core: a scale the test drives, a classifier for a few
 * fixed labels and a verdict decider that records what it was asked. (Real parts are tested on their own and
 * together in the integration and end-to-end tests.)
 */
import type { ScaleDeviceStatus, ScaleReading } from '../../shared/scale/reading.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import type { ScaleIndication } from '../../shared/scale/scaleIndication.ts';
import type { ScanClassifier, StationScale, VerdictDecider, VerdictRequest } from '../../electron/station/stationPorts.ts';

export function fakeScale(): StationScale & { emit(reading: ScaleReading): void; setStatus(status: ScaleDeviceStatus): void } {
  const indicationListeners = new Set<(i: ScaleIndication) => void>();
  let status: ScaleDeviceStatus = { state: 'connected', protocol: 'test', label: 'Test scale' };
  let last: ScaleReading | null = null;
  const readingListeners = new Set<(r: ScaleReading) => void>();
  const statusListeners = new Set<(s: ScaleDeviceStatus) => void>();
  return {
    kind: 'simulated',
    onIndication(l) { indicationListeners.add(l); return () => indicationListeners.delete(l); },
    diagnostics: () => ({ validFrames: 0, rejected: {}, rejectedBytes: 0, reconnects: 0, lastFrameAt: null }),
    status: () => status,
    last: () => last,
    onReading(l) { readingListeners.add(l); return () => readingListeners.delete(l); },
    onStatus(l) { statusListeners.add(l); return () => statusListeners.delete(l); },
    async stop() {},
    emit(reading) { last = reading; readingListeners.forEach((l) => l(reading)); },
    setStatus(s) { status = s; statusListeners.forEach((l) => l(s)); },
  };
}

/** Knows "GOOD…" labels (valid), "BAD…" labels (check digit fails); anything else is unknown. */
export const fakeClassify: ScanClassifier = (raw) => {
  const text = raw.trim().toUpperCase();
  if (text.startsWith('APELAX') || text.startsWith('GOOD')) return { kind: 'test', carrier: 'Test', tracking: text, alternatives: [], valid: true, checkDigitFailed: false };
  if (text.startsWith('BAD')) return { kind: 'test', carrier: 'Test', tracking: text, alternatives: [], valid: false, checkDigitFailed: true, reason: 'check digit' };
  return { kind: 'unknown', carrier: null, tracking: text, alternatives: [], valid: false, checkDigitFailed: false, reason: 'unknown format' };
};

export function recordingDecider(verdict: Verdict): VerdictDecider & { calls: VerdictRequest[] } {
  const calls: VerdictRequest[] = [];
  const decide = ((request: VerdictRequest) => {
    calls.push(request);
    return verdict;
  }) as VerdictDecider & { calls: VerdictRequest[] };
  decide.calls = calls;
  return decide;
}
