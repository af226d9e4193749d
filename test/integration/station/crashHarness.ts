/**
 * The crash harness (issue 14): the real browser-mode station as a child process, syncing to HQ (in process,
 * PGlite) and printing relabels to a loopback ZPL printer, is killed with SIGKILL at random moments of a stream of
 * intakes — while a command is in flight, while labels go out and while sync pushes. After each kill it is started
 * again and the screen's unanswered commands are retried with the same command ids (as the UI does). At the end
 * the station drains to HQ and the harness reports what it saw. Used by crashHarness.test.ts (bounded, in CI) and
 * by `npm run soak` (ECMS_SOAK_KILLS, larger).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openHqDb } from '../../../hq/db/openHqDb.ts';
import { createStationToken } from '../../../hq/auth/stationTokens.ts';
import { importManifestEntries } from '../../../hq/admin/importManifests.ts';
import type { RunningHq } from '../../../hq/server/buildHqServer.ts';
import { toInt } from '../../../hq/db/sqlValues.ts';
import { startTestHq } from '../sync/syncHarness.ts';
import { startStationProcess, StationSocket, type StationProcess } from '../../support/stationProcess.ts';
import { ZplSink } from '../printing/support/zplSink.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { ManifestEntry } from '../../../shared/manifest/manifestEntry.ts';

interface Step { readonly command: string; readonly request: Record<string, unknown> }

export interface CrashReport {
  readonly kills: number;
  /** Commands the station answered ok (before a kill, or when retried after it). */
  readonly acknowledged: number;
  readonly stationEvents: number;
  /** Events at HQ, and how many seqs HQ holds more than once (must be 0) or is missing (must be 0). */
  readonly hqEvents: number;
  readonly hqDuplicates: number;
  readonly hqMissing: number;
  /** Acknowledged commands whose event is not exactly once at HQ (must be 0). */
  readonly commandsNotOnceAtHq: number;
  /** Print jobs the station finished, labels the printer received, and those marked REPRINT. */
  readonly printJobsDone: number;
  readonly labelsReceived: number;
  readonly labelsMarkedReprint: number;
  readonly jobsMarkedReprint: number;
}

const root = path.resolve(import.meta.dirname, '../../..');
/** The demo's worked ACCEPT example (CN, ID received, duties paid), cloned under a new waybill for every intake. */
const sample = (JSON.parse(readFileSync(path.join(root, 'resources/demo/manifests.json'), 'utf8')) as ManifestEntry[]).find((m) => m.waybill === 'APELAX1040000101') as ManifestEntry;
const waybillOf = (n: number) => `APELAX9${String(n).padStart(9, '0')}`;
const clones = (count: number): ManifestEntry[] => Array.from({ length: count }, (_, n) => ({ ...sample, waybill: waybillOf(n), inboundTracking: [] }));

function intakeSteps(n: number): Step[] {
  const intakeId = randomUUID();
  const raw = waybillOf(n);
  return [
    { command: 'intake.scan', request: { commandId: randomUUID(), intakeId, raw, source: 'wedge' } },
    { command: 'intake.captureWeight', request: { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'crash test' } } },
    { command: 'intake.setDimensions', request: { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' } },
    { command: 'intake.commitVerdict', request: { commandId: randomUUID(), intakeId } },
    { command: 'intake.finish', request: { commandId: randomUUID(), intakeId } },
  ];
}

/** Sends a command; a RATE_LIMITED answer is waited out and the same command sent again. */
async function send(socket: StationSocket, step: Step): Promise<Result<unknown>> {
  for (;;) {
    const r = await socket.call(step.command, step.request);
    if (r.ok || r.error.code !== 'RATE_LIMITED') return r;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCrashHarness(options: { readonly dataDir: string; readonly kills: number; readonly random?: () => number; readonly log?: (line: string) => void }): Promise<CrashReport> {
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const stationId = 'LAX-CRASH-2';
  const hqDb = await openHqDb({ kind: 'memory' });
  let hq: RunningHq | null = null;
  const sink = await ZplSink.listen(0);
  let proc: StationProcess | null = null;
  try {
    hq = await startTestHq(hqDb);
    const { token } = await createStationToken(hqDb, { stationId, warehouse: 'LAX' });
    const parcels = options.kills * 10 + 50;
    await importManifestEntries(hqDb, clones(parcels));
    const tokenFile = path.join(options.dataDir, '..', `token-${randomUUID()}`);
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    const args = ['--data-dir', options.dataDir, '--demo', '--station-id', stationId, '--warehouse', 'LAX', '--hq-url', hq.url, '--hq-token-file', tokenFile];

    const acked: Step[] = [];
    let pending: Step[] = [];
    let n = 0;
    for (let round = 0; round <= options.kills; round++) {
      proc = await startStationProcess(args);
      const socket = await StationSocket.openSignedIn(proc.info);
      if (round === 0) {
        // Wait for the parcels' pre-alerts to arrive from HQ.
        const deadline = Date.now() + 120_000;
        for (;;) {
          const peek = new Database(path.join(options.dataDir, 'station.sqlite'), { readonly: true });
          const have = (peek.prepare("SELECT count(*) AS n FROM manifests WHERE waybill LIKE 'APELAX9%'").get() as { n: number }).n;
          peek.close();
          if (have === parcels) break;
          if (Date.now() > deadline) throw new Error(`only ${have} of ${parcels} manifests arrived from HQ`);
          await sleep(300);
        }
        const set = await socket.call('printer.set', {
          printers: { relabel: { kind: 'zpl-tcp', host: '127.0.0.1', port: sink.port, dpi: 203, checkStatus: false }, 'return-slip': null },
          autoPrint: { ACCEPT: ['relabel'], HOLD: [], RETURN: [] },
          voidSlip: false,
        });
        if (!set.ok) throw new Error(`printer.set: ${set.error.message}`);
      }
      // The screen retries what it did not see answered, with the same ids.
      for (const step of pending) {
        const r = await send(socket, step);
        if (!r.ok) throw new Error(`retried ${step.command} failed after restart ${round}: ${r.error.code} ${r.error.message}`);
        acked.push(step);
      }
      pending = [];
      if (round === options.kills) {
        socket.close();
        break;
      }
      // Run intakes, then kill at a random moment: mid-command (random number of acknowledged steps), and sometimes
      // after a pause in which labels print and sync pushes.
      const target = 3 + Math.floor(random() * 25);
      const pauseFirst = random() < 0.4;
      let done = 0;
      let killed: Promise<number | null> | null = null;
      const killer = proc;
      while (!killed) {
        if (n >= parcels) throw new Error('the harness ran out of parcels');
        const steps = intakeSteps(n++);
        for (let i = 0; i < steps.length; i++) {
          const step = steps[i] as Step;
          const reply = send(socket, step);
          if (done === target) {
            if (pauseFirst) await sleep(Math.floor(random() * 400));
            killed = killer.kill('SIGKILL');
          }
          const r = await reply;
          if (!r.ok) {
            if (!killed) throw new Error(`${step.command} failed before the kill: ${r.error.code} ${r.error.message}`);
            pending = steps.slice(i);
            break;
          }
          acked.push(step);
          done++;
          if (killed) {
            pending = steps.slice(i + 1);
            break;
          }
        }
      }
      await killed;
      socket.close();
      log(`kill ${round + 1}/${options.kills}: ${acked.length} acknowledged so far`);
    }

    // Let labels print and sync drain (twice in a row, a second apart), then stop cleanly.
    const final = proc as StationProcess;
    const socket = await StationSocket.openSignedIn(final.info);
    const deadline = Date.now() + 120_000;
    const busy = () => {
      const peek = new Database(path.join(options.dataDir, 'station.sqlite'), { readonly: true });
      const n = (peek.prepare(`SELECT (SELECT count(*) FROM outbox WHERE state = 'pending')
        + (SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'sending', 'handoff') AND voided_at IS NULL) AS n`).get() as { n: number }).n;
      peek.close();
      return n;
    };
    for (let quiet = 0; quiet < 2; ) {
      quiet = busy() === 0 ? quiet + 1 : 0;
      if (Date.now() > deadline) throw new Error(`the station did not drain: ${busy()} outbox rows or print jobs still busy`);
      await sleep(quiet === 0 ? 300 : 1000);
    }
    socket.close();
    await final.kill('SIGTERM');
    proc = null;

    const db = new Database(path.join(options.dataDir, 'station.sqlite'), { readonly: true });
    const stationEvents = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const printJobsDone = (db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state = 'done'").get() as { n: number }).n;
    const jobsMarkedReprint = (db.prepare("SELECT count(*) AS n FROM print_jobs WHERE mark = 'REPRINT'").get() as { n: number }).n;
    const commandOfStep = new Set(acked.map((s) => s.request['commandId'] as string));
    db.close();

    const hqRows = await hqDb.query<{ seq: unknown; command_id: string }>('SELECT seq, command_id FROM station_events WHERE station_id = $1', [stationId]);
    const rejected = await hqDb.query<{ seq: unknown }>('SELECT seq FROM rejected_events WHERE station_id = $1', [stationId]);
    const seqCount = new Map<number, number>();
    for (const r of [...hqRows.rows, ...rejected.rows]) {
      const s = toInt(r.seq, 'seq');
      seqCount.set(s, (seqCount.get(s) ?? 0) + 1);
    }
    const byCommand = new Map<string, number>();
    for (const r of hqRows.rows) byCommand.set(r.command_id, (byCommand.get(r.command_id) ?? 0) + 1);
    let hqMissing = 0;
    for (let s = 1; s <= stationEvents; s++) if (!seqCount.has(s)) hqMissing++;
    const missing: number[] = [];
    for (let s = 1; s <= stationEvents; s++) if (!seqCount.has(s)) missing.push(s);
    if (missing.length > 0) {
      const peek = new Database(path.join(options.dataDir, 'station.sqlite'), { readonly: true });
      log(`missing at HQ: ${JSON.stringify(peek.prepare(`SELECT e.seq, e.type, e.captured_at, o.state FROM events e JOIN outbox o USING (seq) WHERE e.seq IN (${missing.join(',')})`).all())}`);
      peek.close();
    }
    const reprintLabels = sink.labels.filter((l) => l.toString('latin1').includes('REPRINT')).length;
    return {
      kills: options.kills,
      acknowledged: acked.length,
      stationEvents,
      hqEvents: hqRows.rows.length,
      hqDuplicates: [...seqCount.values()].filter((c) => c > 1).length,
      hqMissing,
      commandsNotOnceAtHq: [...commandOfStep].filter((c) => byCommand.get(c) !== 1).length,
      printJobsDone,
      labelsReceived: sink.labels.length,
      labelsMarkedReprint: reprintLabels,
      jobsMarkedReprint,
    };
  } finally {
    await proc?.kill('SIGKILL');
    await sink.close();
    await hq?.close();
    await hqDb.close();
  }
}
