import { describe, expect, it } from 'vitest';
import { probeScalePort } from '../../../electron/devices/scale/probeScalePort.ts';
import { LINE_9600_7E1, LINE_9600_8N1, PROBE_LINE_SETTINGS, formatLineSettings } from '../../../shared/scale/lineSettings.ts';
import { createScaleModel } from '../../../shared/scale/simulation/scaleModel.ts';
import { createResponder, type SimulatorProtocol } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { acrossLine, fakeOpener } from './fakeSerialLine.ts';
import { b, mass } from './scaleTestHelpers.ts';

const FAST = { listenMs: 150, answerMs: 100 };

function scaleSpeaking(protocol: SimulatorProtocol, unit: 'lb' | 'kg' = 'lb', decimals = 2) {
  const model = createScaleModel({ unit, decimals, motionMs: 0 });
  model.place(mass('1.5', 'lb'), -1);
  return createResponder(model, protocol);
}

describe('fake line garbling (test fixture check)', () => {
  it('passes bytes unchanged at matching settings and garbles them otherwise', () => {
    const w = b('W\r');
    expect(acrossLine(w, LINE_9600_7E1, LINE_9600_7E1)).toEqual(w);
    expect(acrossLine(w, LINE_9600_7E1, LINE_9600_8N1)).toEqual(Uint8Array.of(0xd7, 0x8d));
    expect(acrossLine(w, { ...LINE_9600_7E1, baudRate: 4800 }, LINE_9600_7E1).every((x) => x >= 0x80)).toBe(true);
  });
});

describe('probeScalePort', () => {
  it('detects an NCI scale at 9600 7E1 on the first setting', async () => {
    const opener = fakeOpener({ responder: scaleSpeaking({ protocol: 'nci', shape: 'scp12' }), line: LINE_9600_7E1 });
    const result = await probeScalePort({ path: '/dev/ttyUSB0', openLink: opener, ...FAST });
    expect(result).toEqual({ ok: true, protocol: { protocol: 'nci' }, line: LINE_9600_7E1, unitConfirmed: true });
    expect(opener.opened).toHaveLength(1);
  });

  it('detects an MT-SICS balance at 8N1 after 7E1 fails', async () => {
    const opener = fakeOpener({ responder: scaleSpeaking({ protocol: 'mt-sics' }), line: LINE_9600_8N1 });
    const result = await probeScalePort({ path: '/dev/ttyUSB0', openLink: opener, ...FAST });
    expect(result).toMatchObject({ ok: true, protocol: { protocol: 'mt-sics' }, line: LINE_9600_8N1 });
    expect(opener.opened.map(formatLineSettings)).toEqual(['9600 7E1', '9600 8N1']);
  });

  it('detects a streaming Toledo Continuous indicator at 4800 7E1 and its frame format', async () => {
    const line = { ...LINE_9600_7E1, baudRate: 4800 };
    const opener = fakeOpener({ responder: scaleSpeaking({ protocol: 'toledo-continuous', tareField: false, checksum: true }), line });
    const result = await probeScalePort({ path: '/dev/ttyUSB0', openLink: opener, ...FAST });
    expect(result).toEqual({ ok: true, protocol: { protocol: 'toledo-continuous', tareField: false, checksum: true }, line, unitConfirmed: true });
  });

  it('detects an 8213 scale and flags the unit as inferred (kg from three decimals)', async () => {
    const opener = fakeOpener({ responder: scaleSpeaking({ protocol: 'mettler-8213' }, 'kg', 3), line: LINE_9600_7E1 });
    const result = await probeScalePort({ path: '/dev/ttyUSB0', openLink: opener, ...FAST });
    expect(result).toEqual({ ok: true, protocol: { protocol: 'mettler-8213', unit: 'kg' }, line: LINE_9600_7E1, unitConfirmed: false });
  });

  it('reports noScaleFound after trying every setting when nothing answers', async () => {
    const opener = fakeOpener(null);
    const result = await probeScalePort({ path: '/dev/ttyS0', openLink: opener, listenMs: 20, answerMs: 20 });
    expect(result).toMatchObject({ ok: false, problem: 'noScaleFound' });
    expect(opener.opened).toHaveLength(PROBE_LINE_SETTINGS.length);
  });

  it('stops at once when the port cannot be opened (permissions do not depend on the baud rate)', async () => {
    const opener = fakeOpener(null, { problem: 'permissionDenied', message: 'EACCES: permission denied' });
    expect(await probeScalePort({ path: '/dev/ttyUSB0', openLink: opener, ...FAST })).toMatchObject({ ok: false, problem: 'permissionDenied' });
  });
});
