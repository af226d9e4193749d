import { describe, expect, it } from 'vitest';
import { createMettler8213Parser } from '../../../shared/scale/mettler8213Parser.ts';
import { createMtSicsParser } from '../../../shared/scale/mtSicsParser.ts';
import { createNciParser } from '../../../shared/scale/nciParser.ts';
import { createScaleModel } from '../../../shared/scale/simulation/scaleModel.ts';
import { createResponder } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { b, indications, mass, readings } from './scaleTestHelpers.ts';

describe('scale model', () => {
  it('moves for motionMs after a load change, then shows the load on the display step', () => {
    const model = createScaleModel({ unit: 'lb', decimals: 2, motionMs: 500 });
    model.place(mass('2.345', 'lb'), 1000);
    expect(model.display(1200).motion).toBe(true);
    expect(model.display(1500)).toMatchObject({ motion: false, value: mass('2.35', 'lb') });
    model.remove(2000);
    expect(model.display(2600)).toMatchObject({ motion: false, value: 0 });
  });

  it('is deterministic in the times passed', () => {
    const a = createScaleModel();
    const c = createScaleModel();
    a.place(mass('7', 'lb'), 0);
    c.place(mass('7', 'lb'), 0);
    expect([50, 100, 300].map((t) => a.display(t))).toEqual([50, 100, 300].map((t) => c.display(t)));
  });

  it('shows overload above capacity, zeroes only when stable, and tares into net mode', () => {
    const model = createScaleModel({ capacity: mass('10', 'lb'), motionMs: 100 });
    model.place(mass('12', 'lb'), 0);
    expect(model.display(200).overload).toBe(true);
    model.place(mass('0.04', 'lb'), 300);
    expect(model.zero(320)).toBe(false);
    expect(model.zero(500)).toBe(true);
    expect(model.display(500).value).toBe(0);
    model.place(mass('1.04', 'lb'), 600);
    expect(model.tare(800)).toBe(mass('1', 'lb'));
    expect(model.display(800)).toMatchObject({ value: 0, net: true });
  });
});

describe('protocol responders', () => {
  const stableModel = () => {
    const model = createScaleModel({ motionMs: 100 });
    model.place(mass('1.5', 'lb'), 0);
    return model;
  };

  it('8213 answers W with the weight and Z with a status frame; ignores other bytes', () => {
    const responder = createResponder(stableModel(), { protocol: 'mettler-8213' });
    expect(readings(createMettler8213Parser({ unit: 'lb' }).push(responder.receive(b('W'), 500)[0] ?? new Uint8Array(), 1)).map((r) => r.value)).toEqual([mass('1.5', 'lb')]);
    expect(responder.receive(b('xyz\r'), 500)).toEqual([]);
    expect(indications(createMettler8213Parser({ unit: 'lb' }).push(responder.receive(b('W'), 10)[0] ?? new Uint8Array(), 1))).toEqual(['motion']);
  });

  it('NCI answers W, S, Z and "?" for unknown commands, command by command across chunks', () => {
    const responder = createResponder(stableModel(), { protocol: 'nci', shape: 'scp02' });
    expect(responder.receive(b('W'), 500)).toEqual([]);
    const replies = [...responder.receive(b('\rS\rQ\r'), 500)];
    const events = createNciParser().push(Uint8Array.from(replies.flatMap((r) => [...r])), 1);
    expect(readings(events).map((r) => r.value)).toEqual([mass('1.5', 'lb')]);
    expect(events.filter((e) => e.type === 'reply').map((e) => (e.type === 'reply' ? e.reply.outcome : ''))).toEqual(['done', 'error']);
  });

  it('MT-SICS answers S (S I while moving), SI (S D while moving), Z, T, TAC and ES', () => {
    const responder = createResponder(stableModel(), { protocol: 'mt-sics' });
    const text = (bytes: Uint8Array[]) => bytes.map((x) => String.fromCharCode(...x)).join('');
    expect(text(responder.receive(b('S\r\nSI\r\n'), 10))).toMatch(/^S I\r\nS D .*lb\r\n$/);
    expect(text(responder.receive(b('Z\r\nT\r\nTAC\r\nXX\r\n'), 500))).toBe('Z A\r\nT S       0.00 lb\r\nTAC A\r\nES\r\n');
    expect(readings(createMtSicsParser().push(responder.receive(b('SI\r\n'), 500)[0] ?? new Uint8Array(), 1))).toHaveLength(1);
  });
});
