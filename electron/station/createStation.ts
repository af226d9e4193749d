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
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import { listenerSet, logListenerError } from '../devices/listenerSet.ts';
import type { Logger } from '../log/openLogger.ts';
import { processLogger } from '../log/processLogger.ts';
import { StationError } from './stationError.ts';
import { startAutoCapture } from './autoCapture.ts';
import { createStationHolds, type StationHolds } from './stationHolds.ts';
import { createStationClock, type StationClock } from '../holds/stationClock.ts';
import { earliestRateCardFrom } from '../rules/rateCardDates.ts';
import { createStationPrinting, type StationPrinting } from './stationPrinting.ts';
import { parcelHistory, searchParcels } from './parcelLookup.ts';
import type { ScanClassifier, StationScale, VerdictDecider } from './stationPorts.ts';
import type { BuildInfo } from '../../shared/contract/buildInfo.ts';
import type { Role } from '../../shared/contract/commandRoles.ts';
import { createStationSession, type StationSession } from './stationSession.ts';
import { gateHandlers } from './commandGate.ts';
import { operatorHandlers } from './operatorHandlers.ts';
import { daySummary } from './stationSummary.ts';
import { createStationExceptions } from './stationExceptions.ts';
import { createStationPhotos } from './stationPhotos.ts';

export interface StationOptions {
  readonly dataDir: string;
  readonly transport: 'electron' | 'browser';
  readonly demo: boolean;
  readonly version: string;
  /** The build stamp (out/build-info.json); absent or null: not a built app (tests, sources). */
  readonly build?: BuildInfo | null;
  readonly scale: StationScale;
  readonly classify: ScanClassifier;
  readonly decide: VerdictDecider;
  /** Settings given on the command line or in the environment; they win over stored ones and are saved. */
  readonly settingsOverrides?: Partial<StationSettings>;
  /** The HQ sync service; absent or null: events wait in the outbox. */
  readonly hq?: { readonly hqUrl: string; readonly token: string; readonly caFile?: string } | null;
  readonly now?: () => number;
  /** A monotonic clock (ms) for station time (electron/holds/stationClock.ts); absent: `now` when given, else performance.now. */
  readonly mono?: () => number;
  /** Where the station logs (electron/log/openLogger.ts); absent: the process logger. */
  readonly logger?: Logger;
  /** Test support only: start with this person signed in (created, with no usable PIN, if missing). Never set from a flag. */
  readonly signedInAs?: { readonly operatorId: string; readonly name: string; readonly role: Role };
}

export interface Station {
  readonly db: Database;
  readonly handlers: CommandHandlers;
  readonly events: StationEvents;
  readonly intake: IntakeService;
  readonly holds: StationHolds;
  readonly printing: StationPrinting;
  readonly sync: SyncService;
  /** Station time: hold ages, and the clock check that stops date-dependent verdicts (CLOCK_SKEW). */
  readonly clock: StationClock;
  /** Who is signed in at this station (the core enforces shared/contract/commandRoles.ts with it). */
  readonly session: StationSession;
  settings(): StationSettings;
  /** The station's logger now: its lines carry the station, warehouse and operator. */
  logger(): Logger;
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

/** The fields every station log line carries; the operator changes with the settings. */
function stationBindings(settings: StationSettings, operator: string | null): Record<string, string | null> {
  return { stationId: settings.stationId, warehouse: settings.warehouse, operator };
}

/** A small summary of an intake for the log; the consignee's name is masked by the logger's redaction. */
function intakeLogFields(view: IntakeView): Record<string, unknown> {
  return {
    intakeId: view.intakeId, state: view.state, waybill: view.manifest?.waybill ?? null,
    consigneeName: view.manifest?.consigneeName ?? null, decision: view.verdict?.decision ?? null,
  };
}

/**
 * Parts are built in dependency order; where two parts must talk both ways (a hold change redraws the intake and
 * wakes sync; sync's status changes reach the holds), the earlier part raises a signal declared before both, and
 * the later part subscribes to it once it exists. Nothing refers to a part before its declaration.
 */
export function createStation(options: StationOptions): Station {
  const now = options.now ?? Date.now;
  const rootLog = options.logger ?? processLogger();
  const db = openStationDatabase(options.dataDir);
  let settings = loadSettings(db, options.settingsOverrides);
  const mono = options.mono ?? (options.now ? options.now : undefined);
  const clock = createStationClock({ db, wall: now, ...(mono ? { mono } : {}), earliestRateCardFrom: () => earliestRateCardFrom(db) });
  let log = rootLog.child(stationBindings(settings, null));
  const events = new StationEvents({ error: (fields, message) => log.error(fields, message) });
  const session = createStationSession({
    db, now, idleMinutes: () => settings.idleSignOutMinutes,
    onChange: (state) => {
      log = rootLog.child(stationBindings(settings, state.session?.operatorId ?? null));
      log.info({ signedIn: state.session?.operatorId ?? null, signOut: state.lastSignOut?.cause ?? null }, 'session changed');
      events.emit('session', state);
    },
    reportError: (error, message) => log.error({ err: error }, message),
  });
  if (options.signedInAs) session.startAs(options.signedInAs);
  /** The operator id every recorded action carries: the person signed in (SIGN_IN_REQUIRED when nobody is). */
  const personId = (): string => session.requirePerson().operatorId;

  // Signals raised by earlier parts, heard by later ones.
  const holdsChanged = listenerSet<void>(logListenerError('hold shelf change', rootLog));
  const intakeChanged = listenerSet<IntakeView | null>(logListenerError('intake change', rootLog));

  // Printing records the person behind a reprint as `operator`: the signed-in person, not the start-up flag.
  const printing = createStationPrinting(db, () => ({ ...settings, operator: session.state().session?.operatorId ?? settings.operator }), events, now);
  const holds = createStationHolds(db, clock.now, () => holdsChanged.emit(), {
    verdictChanged: (intakeId, commandId, reason) => printing.verdictChanged(intakeId, commandId, reason),
    notice: (notice) => events.emit('notice', notice),
  });
  const intake = new IntakeService({
    db, now, settings: () => settings, person: personId, classify: options.classify, decide: options.decide, scale: options.scale,
    withinCommit: (row, action, commandId) => {
      holds.withinCommit(row, action, commandId);
      printing.withinCommit(row, action, commandId);
    },
    onIntakeChanged: (view) => intakeChanged.emit(view),
    onRepeatScan: (view) => holds.repeatScanned(view),
  });
  /** Parcels held for a missing pre-alert are decided again once their manifest is on the station. */
  const recheckPrealerts = (): number => {
    let redecided = 0;
    for (const intakeId of holds.waitingForPrealert()) {
      try {
        if (intake.redecideWithArrivedManifest(intakeId)) redecided++;
      } catch (error) {
        log.error({ err: error, intakeId }, 're-deciding a parcel after its pre-alert arrived failed');
      }
    }
    return redecided;
  };
  const sync = createSyncService({
    db, stationId: settings.stationId, warehouse: settings.warehouse, hq: options.hq ?? null, dataDir: options.dataDir,
    onStatusChanged: (waybill, change) => holds.applyStatusChange(waybill, change, randomUUID()),
    onServerTime: (hqTime) => clock.learnHqTime(hqTime),
    onReferenceDataChanged: (stream) => {
      if (stream === 'manifests') recheckPrealerts();
    },
    log: (level, message) => log[level]({ part: 'sync' }, message),
  });
  const autoCapture = startAutoCapture({
    scale: options.scale, intake, now, settings: () => settings,
    onIntakeChanged: (listener) => intakeChanged.add(listener),
    onCaptureFailed: (failure) => events.emit('captureFailed', failure),
    log: { warn: (fields, message) => log.warn(fields, message) },
  });

  const offs = [
    holdsChanged.add(() => {
      events.emit('intake', intake.current());
      sync.nudge();
    }),
    intakeChanged.add((view) => {
      if (view !== null) log.info(intakeLogFields(view), 'intake changed');
      events.emit('intake', view);
      sync.nudge();
    }),
    options.scale.onReading((reading) => events.emit('weight', reading)),
    options.scale.onIndication((indication) => events.emit('scaleIndication', indication)),
    options.scale.onStatus((scale) => events.emit('deviceStatus', { scale })),
    sync.subscribe((status) => events.emit('syncProgress', status)),
  ];
  sync.start();
  holds.expire();
  log.info({ dataDir: options.dataDir, transport: options.transport, version: options.version, hq: options.hq ? options.hq.hqUrl : null }, 'station open');

  const exceptions = createStationExceptions({
    db, now: clock.now, operator: () => personId(), listHolds: () => holds.shelf.listHolds(clock.now()), nudgeSync: () => sync.nudge(),
  });

  const photos = createStationPhotos({ db, dataDir: options.dataDir, now: clock.now, operator: () => personId(), nudgeSync: () => sync.nudge() });

  const handlers: CommandHandlers = gateHandlers({
    'station.info': () => ({
      stationId: settings.stationId, warehouse: settings.warehouse, operator: session.state().session?.name ?? '', version: options.version,
      build: options.build ?? null, transport: options.transport, demo: options.demo, dataDir: options.dataDir, clockWarning: clock.warning(),
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
    'intake.correct': (req) => {
      intake.correct(req);
      return parcelHistory(db, req.intakeId);
    },
    'lookup.search': (req) => searchParcels(db, req, settings.warehouse, options.classify),
    'lookup.parcel': (req) => parcelHistory(db, req.intakeId),
    'holds.list': () => holds.shelf.listHolds(clock.now()),
    'holds.release': (req) => holds.release(req.holdIds, personId(), req.note, req.commandId),
    'holds.convertToReturn': (req) => holds.convertToReturn(req.holdIds, personId(), req.note, req.commandId),
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
    'sync.deadLetters': (req) => sync.listDeadLetters(req.limit),
    'sync.now': () => {
      sync.requestPull();
      sync.nudge();
      return sync.getStatus();
    },
    ...printing.handlers(intake),
    ...exceptions.handlers,
    ...photos.handlers,
    'summary.day': (req) => daySummary({ db, warehouse: () => settings.warehouse, now: clock.now }, req.date),
    'settings.get': () => settings,
    'settings.update': (req) => {
      const next = StationSettingsSchema.parse({ ...settings, ...req });
      writeSettings(db, next);
      settings = next;
      log = rootLog.child(stationBindings(settings, session.state().session?.operatorId ?? null));
      return settings;
    },
    ...operatorHandlers({ db, now, session }),
  }, session);

  return {
    db, handlers, events, intake, holds, printing, sync, clock, session,
    settings: () => settings,
    logger: () => log,
    recheckPrealerts,
    async close() {
      autoCapture.stop();
      session.stop();
      holds.stop();
      offs.forEach((off) => off());
      await sync.stop();
      await printing.stop();
      await options.scale.stop();
      db.close();
      log.info('station closed');
    },
  };
}
