/**
 * SIGKILL in the middle of a stream of intakes: after a restart every step the station acknowledged is stored
 * exactly once, the event log has no gap, every event has its outbox row, and retrying the unacknowledged commands
 * (same command ids, as the UI does) applies each once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startStationProcess, StationSocket, type StationProcess } from '../../support/stationProcess.ts';
import { makeTempDir } from '../../support/tempDir.ts';

interface Step { command: string; request: Record<string, unknown> }

function intakeSteps(n: number): Step[] {
  const intakeId = randomUUID();
  const waybill = `APELAX1${String(n).padStart(9, '0')}`;
  return [
    { command: 'intake.scan', request: { commandId: randomUUID(), intakeId, raw: waybill, source: 'wedge' } },
    { command: 'intake.captureWeight', request: { commandId: randomUUID(), intakeId, manual: { value: `${1 + (n % 30)}.25`, unit: 'lb', reason: 'crash test' } } },
    { command: 'intake.setDimensions', request: { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' } },
    { command: 'intake.commitVerdict', request: { commandId: randomUUID(), intakeId } },
    { command: 'intake.finish', request: { commandId: randomUUID(), intakeId } },
  ];
}

let temp: ReturnType<typeof makeTempDir> | null = null;
let proc: StationProcess | null = null;
afterEach(async () => {
  await proc?.kill('SIGTERM');
  temp?.cleanup();
});

describe('station crash recovery', () => {
  it('keeps every acknowledged intake exactly once across a SIGKILL mid-stream', async () => {
    temp = makeTempDir('crash');
    const args = ['--data-dir', temp.dir, '--demo', '--station-id', 'LAX-CRASH-1', '--warehouse', 'LAX'];
    proc = await startStationProcess(args);
    const socket = await StationSocket.openSignedIn(proc.info);

    const all = Array.from({ length: 400 }, (_, n) => intakeSteps(n)).flat();
    const acked: Step[] = [];
    let sent = 0;
    const killAfter = 120 + Math.floor(Math.random() * 60);
    let killed: Promise<number | null> | null = null;
    // One intake at a time, as at a real station; the kill lands while commands are in flight.
    for (const step of all) {
      sent++;
      const reply = socket.call(step.command, step.request);
      if (acked.length === killAfter && !killed) killed = proc.kill('SIGKILL');
      let result = await reply;
      // The host limits each connection's rate (RATE_LIMITED): like the screen, wait and send the same command again.
      while (!result.ok && result.error.code === 'RATE_LIMITED' && !killed) {
        await new Promise((r) => setTimeout(r, 50));
        result = await socket.call(step.command, step.request);
      }
      if (!result.ok) {
        expect(killed, `${step.command} failed before the kill: ${JSON.stringify(result)}`).not.toBeNull();
        break;
      }
      acked.push(step);
    }
    expect(killed).not.toBeNull();
    await killed;
    socket.close();
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);

    proc = await startStationProcess(args);
    const again = await StationSocket.openSignedIn(proc.info);
    // The UI retries what it did not see answered, with the same command ids; the station applies each once.
    const unacked = all.slice(acked.length, sent);
    for (const step of unacked) {
      const result = await again.call(step.command, step.request);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    again.close();
    await proc.kill('SIGTERM');
    proc = null;

    const db = new Database(path.join(temp.dir, 'station.sqlite'), { readonly: true });
    // The demo operators' events and the sign-ins (OPERATOR_*, operatorEvents.ts) are the station's own, not the steps'.
    const commandIds = db.prepare("SELECT command_id, count(*) AS n FROM events WHERE substr(type, 1, 9) <> 'OPERATOR_' GROUP BY command_id").all() as Array<{ command_id: string; n: number }>;
    const stored = new Map(commandIds.map((r) => [r.command_id, r.n]));
    for (const step of [...acked, ...unacked]) expect(stored.get(step.request['commandId'] as string), step.command).toBe(1);
    // Nothing else was stored but the steps and the events they caused (the hold shelf derives "<commandId>:…" ids).
    const stepIds = new Set([...acked, ...unacked].map((s) => s.request['commandId'] as string));
    for (const id of stored.keys()) expect(stepIds.has(id) || stepIds.has(id.split(':')[0] ?? ''), id).toBe(true);
    const intakes = new Set([...acked, ...unacked].map((s) => s.request['intakeId']));
    expect((db.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number }).n).toBe(intakes.size);
    const seqs = db.prepare('SELECT seq FROM events ORDER BY seq').all() as Array<{ seq: number }>;
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(seqs.length);
    db.close();
  }, 120_000);
});
