/**
 * A serial barcode scanner as a station input: each scan goes through the same intake.scan path as the screen's,
 * and a refused scan is told to the screen (scanRejected) — a device has no one waiting for a reply.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSerialScanner, type SerialScanner } from '../devices/scanner/serialScanner.ts';
import { SerialScannerSettingsSchema, serialScannerSettingsFromSpec } from '../devices/scanner/serialScannerSettings.ts';
import type { IntakeService } from './intakeService.ts';
import type { StationEvents } from './stationEvents.ts';
import { StationError } from './stationError.ts';
import { COMMANDS } from '../../shared/contract/commands.ts';

export function parseScannerSpec(spec: string) {
  const simple = serialScannerSettingsFromSpec(spec);
  if (simple) return simple;
  let json: unknown;
  try {
    json = JSON.parse(spec.trimStart().startsWith('{') ? spec : readFileSync(spec, 'utf8'));
  } catch (error) {
    throw new StationError('INVALID_REQUEST', `--scanner must be "serial:<port>", scanner settings JSON, or a JSON file: ${(error as Error).message}`);
  }
  const parsed = SerialScannerSettingsSchema.safeParse(json);
  if (!parsed.success) throw new StationError('INVALID_REQUEST', `Scanner settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function startSerialScannerInput(spec: string, intake: IntakeService, events: StationEvents, log: (line: string) => void): SerialScanner {
  const scanner = createSerialScanner(parseScannerSpec(spec));
  scanner.onScan((scan) => {
    try {
      // The same contract parse as the screen's scans: one length limit and one text hygiene for every scan path.
      const request = COMMANDS['intake.scan'].request.safeParse({ commandId: randomUUID(), intakeId: randomUUID(), raw: scan.text, source: 'serial' });
      if (!request.success) throw new StationError('INVALID_REQUEST', request.error.issues[0]?.message ?? 'The scan could not be read. Scan the label again.');
      intake.scan(request.data);
    } catch (error) {
      if (error instanceof StationError) events.emit('scanRejected', { code: error.code, message: error.message, raw: scan.text });
      else log(`serial scan failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  });
  scanner.onStatus((status) => log(`serial scanner: ${status.state}${'message' in status && status.message ? ` (${String(status.message)})` : ''}`));
  return scanner;
}
