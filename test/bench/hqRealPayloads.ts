/**
 * Real station events for the HQ push benchmarks: intakes run through the station core (openConfiguredStation with
 * the demo data, the same five commands a worker's bench flow sends, over every demo manifest so the verdict mix is
 * the demo's: accepts, holds, returns), and the events they wrote taken from its outbox as they are. A benchmark
 * then needs far more events than a few hundred intakes write, so `fillOutbox` copies these templates into a test
 * station's event log and outbox under fresh ids: the payloads are byte for byte what the station writes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openConfiguredStation } from '../../electron/station/openConfiguredStation.ts';
import { dispatchCommand } from '../../electron/station/dispatchCommand.ts';
import { upsertManifest } from '../../electron/db/queries/manifests.ts';
import { readPendingEvents, type OutboxEventRow } from '../../electron/db/queries/outbox.ts';
import type { ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import { signInLead } from './support/signInLead.ts';

export interface StationEventTemplates {
  readonly events: readonly OutboxEventRow[];
  readonly intakes: number;
  /** Mean payload length in characters (the JSON text the station stores and sends). */
  readonly meanPayloadBytes: number;
  /** Commands the station refused while the intakes ran (a demo parcel that cannot go on, e.g. no weight yet). */
  readonly refusedCommands: number;
}

/** Runs `intakes` intakes through the station core and returns the events they wrote. */
export async function realStationEvents(intakes: number): Promise<StationEventTemplates> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-bench-events-'));
  const station = await openConfiguredStation({ argv: ['--data-dir', dir, '--demo'], env: {}, transport: 'browser', defaultDataDir: dir, version: 'bench' });
  try {
    await signInLead(station);
    const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/demo/manifests.json'), 'utf8')) as ManifestEntry[];
    const lax = demo.filter((m) => m.warehouse === 'LAX');
    const waybills: string[] = [];
    station.db.transaction(() => {
      for (let i = 0; i < intakes; i++) {
        const base = lax[i % lax.length];
        if (!base) throw new Error('no LAX demo manifests');
        const waybill = `APELAX3${String(i).padStart(9, '0')}`;
        upsertManifest(station.db, { ...base, waybill, inboundTracking: [] }, Date.now());
        waybills.push(waybill);
      }
    })();
    const log = { error: () => undefined };
    let refused = 0;
    const call = async (name: string, request: object): Promise<boolean> => {
      const r = await dispatchCommand(station.handlers, name, request, log);
      if (!r.ok) { refused++; if (process.env["BENCH_DEBUG"]) console.error(name, r.error); }
      return r.ok;
    };
    for (const raw of waybills) {
      const intakeId = randomUUID();
      if (!(await call('intake.scan', { commandId: randomUUID(), intakeId, raw, source: 'wedge' }))) continue;
      await call('intake.captureWeight', { commandId: randomUUID(), intakeId, manual: { value: '3.2', unit: 'lb', reason: 'bench' } });
      await call('intake.setDimensions', { commandId: randomUUID(), intakeId, length: '12', width: '10', height: '8', unit: 'in' });
      await call('intake.commitVerdict', { commandId: randomUUID(), intakeId });
      if (!(await call('intake.finish', { commandId: randomUUID(), intakeId }))) {
        await call('intake.cancel', { commandId: randomUUID(), intakeId, reason: 'bench: could not finish' });
      }
    }
    const events = readPendingEvents(station.db, 10_000_000);
    const meanPayloadBytes = events.reduce((n, e) => n + e.payload.length, 0) / Math.max(1, events.length);
    return { events, intakes, meanPayloadBytes, refusedCommands: refused };
  } finally {
    await station.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `count` events the templates repeat to, under fresh event, command and intake ids, in sequence order. */
export function* repeatTemplates(templates: StationEventTemplates, count: number, firstSeq = 1): Generator<OutboxEventRow> {
  const list = templates.events;
  if (list.length === 0) throw new Error('no template events');
  let intakeIds = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (i % list.length === 0) intakeIds = new Map();
    const t = list[i % list.length] as OutboxEventRow;
    let intakeId: string | null = null;
    if (t.intake_id !== null) {
      intakeId = intakeIds.get(t.intake_id) ?? randomUUID();
      intakeIds.set(t.intake_id, intakeId);
    }
    yield { ...t, seq: firstSeq + i, event_id: randomUUID(), command_id: randomUUID(), intake_id: intakeId, captured_at: t.captured_at + i };
  }
}

/** Writes `count` template events into a test station's events and outbox (pending), with an intake row each. */
export function fillOutbox(db: Database, stationId: string, templates: StationEventTemplates, count: number, firstSeq = 1): void {
  const insIntake = db.prepare(
    `INSERT OR IGNORE INTO intakes (intake_id, station_id, state, scan_raw, scan_kind, tracking, operator, created_at, updated_at)
     VALUES (?, ?, 'ready', 'BENCH', 'bench', 'BENCH', 'bench', ?, ?)`,
  );
  const insEvent = db.prepare('INSERT INTO events (event_id, command_id, intake_id, type, payload, captured_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insOutbox = db.prepare('INSERT INTO outbox (seq) VALUES (?)');
  db.transaction(() => {
    for (const e of repeatTemplates(templates, count, firstSeq)) {
      insIntake.run(e.intake_id, stationId, e.captured_at, e.captured_at);
      const info = insEvent.run(e.event_id, e.command_id, e.intake_id, e.type, e.payload, e.captured_at);
      insOutbox.run(Number(info.lastInsertRowid));
    }
  })();
}
