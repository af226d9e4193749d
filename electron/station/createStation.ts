/**
 * Builds one station from its parts: the database in the data directory, settings, the scale with automatic
 * capture, the intake service, the hold shelf, the print queue, sync with HQ, and the handler table every transport
 * uses. Independent of Electron: the browser-mode host, the Electron main process and the tests all run this.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, StationSettingsSchema, type StationSettings } from '../../shared/contract/settings.ts';
import { massFromDecimal } from '../../shared/units/mass.ts';
import { openStationDatabase } from '../db/openStationDatabase.ts';
import { readSettings, writeSettings } from '../db/queries/settings.ts';
import { createSyncService, type SyncService } from '../sync/index.ts';
import type { CommandHandlers } from './commandHandlers.ts';
import { IntakeService } from './intakeService.ts';
import { StationEvents } from './stationEvents.ts';
import { StationError } from './stationError.ts';
import { startAutoCapture } from './autoCapture.ts';
import { createStationHolds, type StationHolds } from './stationHolds.ts';
import { createStationPrinting, type StationPrinting } from './stationPrinting.ts';
import type { ScanClassifier, StationScale, VerdictDecider } from './stationPorts.ts';

export interface StationOptions {
  readonly dataDir: string;
  readonly transport: 'electron' | 'browser';
  readonly demo: boolean;
  readonly version: string;
  readonly scale: StationScale;
  readonly classify: ScanClassifier;
  readonly decide: VerdictDecider;
  /** Settings given on the command line or in the environment; they win over stored ones and are saved. */
  readonly settingsOverrides?: Partial<StationSettings>;
  /** The HQ sync service; absent or null: events wait in the outbox. */
  readonly hq?: { readonly hqUrl: string; readonly token: string } | null;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export interface Station {
  readonly db: Database;
  readonly handlers: CommandHandlers;
  readonly events: StationEvents;
  readonly intake: IntakeService;
  readonly holds: StationHolds;
  readonly printing: StationPrinting;
  readonly sync: SyncService;
  settings(): StationSettings;
  /** Decides again the parcels held for a missing pre-alert whose manifest has arrived; returns how many. */
  recheckPrealerts(): number;
  close(): Promise<void>;
}

function loadSettings(db: Database, overrides: Partial<StationSettings> | undefined): StationSettings {
  const parsed = StationSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...readSettings(db), ...overrides });
  if (!parsed.success) {
    throw new StationError('INVALID_REQUEST', `Station settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  writeSettings(db, parsed.data);
  return parsed.data;
}

export function createStation(options: StationOptions): Station {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = openStationDatabase(options.dataDir);
  const events = new StationEvents();
  let settings = loadSettings(db, options.settingsOverrides);

  const sync = createSyncService({
    db, stationId: settings.stationId, warehouse: settings.warehouse, hq: options.hq ?? null,
    onStatusChanged: (waybill, change) => holds.applyStatusChange(waybill, change, randomUUID()),
    onReferenceDataChanged: (stream) => {
      if (stream === 'manifests') recheckPrealerts();
    },
    log: (level, message) => log(`[sync ${level}] ${message}`),
  });
  const changed = () => {
    events.emit('intake', intake.current());
    sync.nudge();
  };
  const holds = createStationHolds(db, now, changed);
  const printing = createStationPrinting(db, () => settings, events, now);
  let lastScanned: string | null = null;
  const intake = new IntakeService({
    db, now, settings: () => settings, classify: options.classify, decide: options.decide, scale: options.scale,
    withinCommit: (row, action, commandId) => {
      holds.withinCommit(row, action, commandId);
      printing.withinCommit(row, action, commandId);
    },
    onIntakeChanged: (view) => {
      if (view?.state === 'scanned' && view.intakeId !== lastScanned) {
        lastScanned = view.intakeId;
        autoCapture.rearm();
      }
      events.emit('intake', view);
      sync.nudge();
    },
  });
  const autoCapture = startAutoCapture({ scale: options.scale, intake, now, settleMs: () => settings.autoCaptureSettleMs, log });
  const offs = [
    options.scale.onReading((reading) => events.emit('weight', reading)),
    options.scale.onIndication((indication) => events.emit('scaleIndication', indication)),
    options.scale.onStatus((scale) => events.emit('deviceStatus', { scale })),
    sync.subscribe((status) => events.emit('syncProgress', status)),
  ];
  /** Parcels held for a missing pre-alert are decided again once their manifest is on the station. */
  const recheckPrealerts = (): number => {
    let redecided = 0;
    for (const intakeId of holds.waitingForPrealert()) {
      try {
        if (intake.redecideWithArrivedManifest(intakeId)) redecided++;
      } catch (error) {
        log(`re-deciding ${intakeId} after its pre-alert arrived failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return redecided;
  };
  sync.start();
  holds.expire();

  const handlers: CommandHandlers = {
    'station.info': () => ({
      stationId: settings.stationId, warehouse: settings.warehouse, operator: settings.operator, version: options.version,
      transport: options.transport, demo: options.demo, dataDir: options.dataDir,
    }),
    'intake.current': () => intake.current(),
    'intake.get': (req) => intake.get(req.intakeId),
    'intake.recent': (req) => intake.recent(req.limit),
    'intake.scan': (req) => intake.scan(req),
    'intake.captureWeight': (req) => intake.captureWeight(req),
    'intake.setDimensions': (req) => intake.setDimensions(req),
    'intake.reportDamage': (req) => intake.reportDamage(req),
    'intake.commitVerdict': (req) => intake.commitVerdict(req),
    'intake.finish': (req) => intake.finish(req),
    'intake.cancel': (req) => intake.cancel(req),
    'holds.list': () => holds.shelf.listHolds(now()),
    'holds.release': (req) => holds.release(req.holdIds, settings.operator, req.note, req.commandId),
    'holds.convertToReturn': (req) => holds.convertToReturn(req.holdIds, settings.operator, req.note, req.commandId),
    'scale.status': () => ({ device: options.scale.status(), last: options.scale.last() }),
    'scale.simulate': (req) => {
      const sim = options.scale.simulator;
      if (!sim) throw new StationError('SCALE_NOT_SIMULATED', 'This station has a real scale: put the parcel on it.');
      if (req.action === 'remove') sim.remove();
      else {
        const mass = massFromDecimal(req.value, req.unit);
        if (mass === null) throw new StationError('INVALID_REQUEST', `${req.value} ${req.unit} is not a weight the simulator can show.`);
        sim.place(mass);
      }
      return {};
    },
    'sync.status': () => sync.getStatus(),
    ...printing.handlers(intake),
    'settings.get': () => settings,
    'settings.update': (req) => {
      const next = StationSettingsSchema.parse({ ...settings, ...req });
      writeSettings(db, next);
      settings = next;
      return settings;
    },
  };

  return {
    db, handlers, events, intake, holds, printing, sync,
    settings: () => settings,
    recheckPrealerts,
    async close() {
      autoCapture.stop();
      holds.stop();
      offs.forEach((off) => off());
      await sync.stop();
      await printing.stop();
      await options.scale.stop();
      db.close();
    },
  };
}
