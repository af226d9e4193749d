/**
 * Opens the station a process was configured for (flags, environment, defaults — see stationConfig.ts): the real
 * classifier, the rules engine over the station's reference data, the configured scale, and the demo data when asked.
 * Used by the Electron main process and by browser mode alike.
 */
import { parseStationConfig, type StationConfig } from './stationConfig.ts';
import { createStation, type Station, type StationOptions } from './createStation.ts';
import { stationClassifier } from './classifyForStation.ts';
import { openStationScale } from './stationScale.ts';
import { seedDemoData } from './demoSeed.ts';
import { seedDemoOperators } from './demoOperators.ts';
import { startSerialScannerInput } from './serialScannerInput.ts';
import { StationError } from './stationError.ts';
import type { VerdictDecider } from './stationPorts.ts';
import { ClockSkewFailure, createVerdictDecider, RuleContextFailure } from '../rules/createVerdictDecider.ts';
import type { Logger } from '../log/openLogger.ts';
import { z } from 'zod';
import { startBackupSchedule } from '../db/backupSchedule.ts';
import { startRetention } from '../db/retentionSchedule.ts';
import { eventRetentionDays, startEventCompaction } from '../db/compactionSchedule.ts';
import type { BuildInfo } from '../../shared/contract/buildInfo.ts';

export interface OpenStationOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly transport: 'electron' | 'browser';
  readonly defaultDataDir: string;
  readonly version: string;
  /** The build stamp read from out/build-info.json (readBuildInfo.ts); null: running from sources. */
  readonly build?: BuildInfo | null;
  /** Where the station logs; absent: the process logger (electron/log/processLogger.ts). */
  readonly logger?: Logger;
  /** Test support only (createStation's StationOptions.signedInAs): start with this person signed in. */
  readonly signedInAs?: StationOptions['signedInAs'];
}

/**
 * The rules engine behind the station's decider port; missing or damaged reference data is RULE_REJECTED, a clock the
 * station cannot trust for dates is CLOCK_SKEW.
 */
export function rulesDecider(station: () => Station): VerdictDecider {
  let decide: VerdictDecider | null = null;
  return (request) => {
    decide ??= createVerdictDecider({ db: station().db, warehouse: () => station().settings().warehouse, clockBlocker: () => station().clock.verdictBlocker() });
    try {
      return decide(request);
    } catch (error) {
      if (error instanceof RuleContextFailure) {
        throw new StationError('RULE_REJECTED', `No verdict: the station's rules are incomplete (${error.message}). Ask HQ to resend rate cards and rules.`);
      }
      if (error instanceof ClockSkewFailure) throw new StationError('CLOCK_SKEW', `No verdict: ${error.message}`);
      throw error;
    }
  };
}

/** ECMS_BACKUP_KEEP (default 7) and ECMS_BACKUP_INTERVAL_MIN (default 60): the station database's rotating backups. */
function backupTuning(env: Readonly<Record<string, string | undefined>>): { keep?: number; intervalMs?: number } {
  const parsed = z
    .object({ keep: z.coerce.number().int().min(1).max(100).optional(), minutes: z.coerce.number().int().min(1).max(7 * 24 * 60).optional() })
    .safeParse({ keep: env['ECMS_BACKUP_KEEP'], minutes: env['ECMS_BACKUP_INTERVAL_MIN'] });
  if (!parsed.success) throw new StationError('INVALID_REQUEST', 'ECMS_BACKUP_KEEP must be 1 to 100 and ECMS_BACKUP_INTERVAL_MIN 1 to 10080 (minutes).');
  return { ...(parsed.data.keep ? { keep: parsed.data.keep } : {}), ...(parsed.data.minutes ? { intervalMs: parsed.data.minutes * 60_000 } : {}) };
}

/** ECMS_MANIFEST_RETENTION_DAYS (default 30): how long a manifest keeps its consignee name on the station. */
function retentionDays(env: Readonly<Record<string, string | undefined>>): { retentionDays?: number } {
  const parsed = z.coerce.number().int().min(1).max(365).optional().safeParse(env['ECMS_MANIFEST_RETENTION_DAYS']);
  if (!parsed.success) throw new StationError('INVALID_REQUEST', 'ECMS_MANIFEST_RETENTION_DAYS must be a number of days from 1 to 365.');
  return parsed.data === undefined ? {} : { retentionDays: parsed.data };
}

export async function openConfiguredStation(options: OpenStationOptions): Promise<Station & { config: StationConfig }> {
  const config = parseStationConfig(options.argv, options.env, options.defaultDataDir);
  const scale = openStationScale(config.scale);
  let station: Station | null = null;
  const current = (): Station => {
    if (!station) throw new Error('station not open yet');
    return station;
  };
  try {
    station = createStation({
      dataDir: config.dataDir,
      transport: options.transport,
      demo: config.demo,
      version: options.version,
      build: options.build ?? null,
      scale,
      classify: stationClassifier(),
      decide: rulesDecider(current),
      settingsOverrides: config.settings,
      hq: config.hqUrl && config.hqToken ? { hqUrl: config.hqUrl, token: config.hqToken, ...(config.hqCaFile ? { caFile: config.hqCaFile } : {}) } : null,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.signedInAs ? { signedInAs: options.signedInAs } : {}),
    });
  } catch (error) {
    await scale.stop();
    throw error;
  }
  try {
    if (config.demo) {
      seedDemoData(station.db, Date.now());
      await seedDemoOperators(station.db, Date.now());
    }
  } catch (error) {
    await station.close();
    throw error;
  }
  const opened = station;
  const retention = startRetention({
    db: station.db, ...retentionDays(options.env),
    onError: (error) => opened.logger().error({ part: 'retention', err: error }, 'the retention sweep (consignee names, print-job bodies) failed'),
  });
  const compaction = startEventCompaction({
    db: station.db, ...eventRetentionDays(options.env),
    onError: (error) => opened.logger().error({ part: 'compaction', err: error }, 'compacting synced events failed'),
  });
  const backups = startBackupSchedule({
    db: station.db, dataDir: config.dataDir, identity: () => opened.settings(), ...backupTuning(options.env),
    onBackup: (file) => opened.logger().info({ part: 'backup', file }, 'station database backed up'),
    onError: (error) => opened.logger().error({ part: 'backup', err: error }, 'station database backup failed'),
  });
  const log = (line: string) => opened.logger().warn({ part: 'scanner' }, line);
  const scanner = config.scanner === undefined ? null : startSerialScannerInput(config.scanner, station.intake, station.events, log);
  const closeStation = station.close.bind(station);
  return Object.assign(station, {
    config,
    async close() {
      await scanner?.stop();
      retention.stop();
      compaction.stop();
      retention.sweep();
      backups.stop();
      await closeStation();
    },
  });
}
