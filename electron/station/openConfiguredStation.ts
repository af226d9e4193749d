/**
 * Opens the station a process was configured for (flags, environment, defaults — see stationConfig.ts): the real
 * classifier, the rules engine over the station's reference data, the configured scale, and the demo data when asked.
 * Used by the Electron main process and by browser mode alike.
 */
import { parseStationConfig, type StationConfig } from './stationConfig.ts';
import { createStation, type Station } from './createStation.ts';
import { stationClassifier } from './classifyForStation.ts';
import { openStationScale } from './stationScale.ts';
import { seedDemoData } from './demoSeed.ts';
import { startSerialScannerInput } from './serialScannerInput.ts';
import { StationError } from './stationError.ts';
import type { VerdictDecider } from './stationPorts.ts';
import { createVerdictDecider, RuleContextFailure } from '../rules/createVerdictDecider.ts';
import type { Warehouse } from '../../shared/manifest/destinations.ts';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/openLogger.ts';

export interface OpenStationOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly transport: 'electron' | 'browser';
  readonly defaultDataDir: string;
  readonly version: string;
  /** Where the station logs; absent: the process logger (electron/log/processLogger.ts). */
  readonly logger?: Logger;
}

/** The rules engine behind the station's decider port; missing or damaged reference data is RULE_REJECTED. */
function rulesDecider(db: () => Database, warehouse: () => Warehouse): VerdictDecider {
  let decide: VerdictDecider | null = null;
  return (request) => {
    decide ??= createVerdictDecider({ db: db(), warehouse });
    try {
      return decide(request);
    } catch (error) {
      if (error instanceof RuleContextFailure) {
        throw new StationError('RULE_REJECTED', `No verdict: the station's rules are incomplete (${error.message}). Ask HQ to resend rate cards and rules.`);
      }
      throw error;
    }
  };
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
      scale,
      classify: stationClassifier(),
      decide: rulesDecider(() => current().db, () => current().settings().warehouse),
      settingsOverrides: config.settings,
      hq: config.hqUrl && config.hqToken ? { hqUrl: config.hqUrl, token: config.hqToken } : null,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  } catch (error) {
    await scale.stop();
    throw error;
  }
  try {
    if (config.demo) seedDemoData(station.db, Date.now());
  } catch (error) {
    await station.close();
    throw error;
  }
  const opened = station;
  const log = (line: string) => opened.logger().warn({ part: 'scanner' }, line);
  const scanner = config.scanner === undefined ? null : startSerialScannerInput(config.scanner, station.intake, station.events, log);
  const closeStation = station.close.bind(station);
  return Object.assign(station, {
    config,
    async close() {
      await scanner?.stop();
      await closeStation();
    },
  });
}
