/**
 * The parcel a support person renders a slip for without printing (`npm run cli -- slip`):
 *   stored  the latest intake of that waybill in a station's database (--data-dir), as the station would print it;
 *   demo    a SAMPLE parcel from resources/demo (manifests.json + scenarios.json: what the demo scans, weighs and
 *           measures), decided by the real rules engine over the sample reference data in a throw-away database.
 * A waybill that is not found is an error; the demo is never used in place of a stored parcel.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IntakeView } from '../../shared/contract/intakeView.ts';
import { LENGTH_UNITS, lengthFromDecimal } from '../../shared/units/length.ts';
import { MASS_UNITS, massFromDecimal } from '../../shared/units/mass.ts';
import { WAREHOUSES } from '../../shared/manifest/destinations.ts';
import { ManifestEntrySchema, type ManifestEntry } from '../../shared/manifest/manifestEntry.ts';
import type { SlipStation } from '../../shared/printing/documentModel.ts';
import { printFail, printOk, type PrintOutcome } from '../../shared/printing/printErrors.ts';
import { openStationDatabase } from '../db/openStationDatabase.ts';
import { getManifest } from '../db/queries/manifests.ts';
import { intakeOfTracking, toIntakeView } from '../db/queries/intakes.ts';
import { readSettings } from '../db/queries/settings.ts';
import { createVerdictDecider } from '../rules/createVerdictDecider.ts';
import { DEMO_MANIFESTS_FILE, seedDemoData } from '../station/demoSeed.ts';

export const DEMO_SCENARIOS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/demo/scenarios.json');

export interface SlipParcel {
  readonly source: 'stored' | 'demo';
  readonly intake: IntakeView;
  readonly manifest: ManifestEntry | null;
  readonly station: SlipStation;
}

const ScenarioSchema = z.object({
  scan: z.string(),
  waybill: z.string().nullable(),
  warehouse: z.enum(WAREHOUSES),
  weigh: z.object({ value: z.string(), unit: z.enum(MASS_UNITS) }),
  dims: z.object({ length: z.string(), width: z.string(), height: z.string(), unit: z.enum(LENGTH_UNITS) }).nullable(),
  damaged: z.boolean(),
});
const ScenariosSchema = z.object({ scenarios: z.array(ScenarioSchema.passthrough()) });

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export function storedParcel(dataDir: string, waybill: string): PrintOutcome<SlipParcel> {
  let db: Database;
  try {
    db = openStationDatabase(dataDir);
  } catch (error) {
    return printFail('DOCUMENT_UNAVAILABLE', `Cannot open the station database in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const row = intakeOfTracking(db, waybill, waybill);
    if (row === null) return printFail('DOCUMENT_UNAVAILABLE', `The station in ${dataDir} has no intake of ${waybill}.`);
    const settings = readSettings(db);
    const intake = toIntakeView(db, row);
    const manifest = intake.manifest === null ? null : getManifest(db, intake.manifest.waybill);
    const warehouse = settings?.warehouse ?? (row.station_id.startsWith('CHI') ? 'CHI' : 'LAX');
    return printOk({ source: 'stored', intake, manifest, station: { stationId: row.station_id, warehouse } });
  } catch (error) {
    return printFail('DOCUMENT_UNAVAILABLE', error instanceof Error ? error.message : String(error));
  } finally {
    db.close();
  }
}

export function demoParcel(code: string, stationId: string, operator: string, now: number): PrintOutcome<SlipParcel> {
  const manifests = z.array(ManifestEntrySchema).safeParse(readJson(DEMO_MANIFESTS_FILE));
  const scenarios = ScenariosSchema.safeParse(readJson(DEMO_SCENARIOS_FILE));
  if (!manifests.success) return printFail('DOCUMENT_UNAVAILABLE', `${DEMO_MANIFESTS_FILE} is unreadable: ${manifests.error.issues[0]?.message ?? ''}`);
  if (!scenarios.success) return printFail('DOCUMENT_UNAVAILABLE', `${DEMO_SCENARIOS_FILE} is unreadable: ${scenarios.error.issues[0]?.message ?? ''}`);
  // A waybill, or the tracking number of a demo parcel that has no pre-alert.
  const manifest = manifests.data.find((m) => m.waybill === code) ?? null;
  const scenario = scenarios.data.scenarios.find((s) => (manifest !== null ? s.waybill === code : s.waybill === null && s.scan === code));
  if (manifest === null && scenario === undefined) {
    return printFail('DOCUMENT_UNAVAILABLE', `${code} is not one of the demo parcels (resources/demo/README.md lists them).`);
  }
  const mass = scenario ? massFromDecimal(scenario.weigh.value, scenario.weigh.unit) : manifest?.declaredMass ?? null;
  const unit = scenario?.weigh.unit ?? 'lb';
  const dimsUnit = scenario?.dims?.unit ?? 'in';
  const dims = scenario?.dims
    ? { length: lengthFromDecimal(scenario.dims.length, dimsUnit), width: lengthFromDecimal(scenario.dims.width, dimsUnit), height: lengthFromDecimal(scenario.dims.height, dimsUnit) }
    : manifest?.declaredDims ?? null;
  if (mass === null || (dims !== null && (dims.length === null || dims.width === null || dims.height === null))) {
    return printFail('DOCUMENT_UNAVAILABLE', `The demo scenario of ${code} has a weight or size the station cannot read.`);
  }
  const exactDims = dims === null ? null : { length: dims.length ?? 0, width: dims.width ?? 0, height: dims.height ?? 0 };
  const warehouse = manifest?.warehouse ?? scenario?.warehouse ?? 'LAX';
  const dir = mkdtempSync(path.join(tmpdir(), 'ecms-slip-demo-'));
  const db = openStationDatabase(dir);
  try {
    seedDemoData(db, now);
    const decide = createVerdictDecider({ db, warehouse: () => warehouse });
    const damaged = scenario?.damaged ?? false;
    const verdict = decide({ manifest, mass, dims: exactDims, damaged, now });
    const tracking = scenario?.scan ?? code;
    const intake: IntakeView = {
      intakeId: randomUUID(), state: 'decided',
      scan: { raw: tracking, kind: 'demo', carrier: null, tracking },
      repeatScan: false,
      manifest: manifest === null ? null : {
        waybill: manifest.waybill, destination: manifest.destination, consigneeName: manifest.consigneeName, pieceIndex: manifest.pieceIndex,
        pieceCount: manifest.pieceCount, declaredMass: manifest.declaredMass, estimateMinor: manifest.estimateMinor, currency: manifest.currency,
        consigneeIdStatus: manifest.consigneeIdStatus, dutiesStatus: manifest.dutiesStatus,
      },
      weight: { mass, unit, source: 'scale', manualReason: null },
      dims: exactDims === null ? null : { ...exactDims, unit: dimsUnit },
      damaged, verdict, holdLocation: null, operator, createdAt: now, updatedAt: now,
    };
    return printOk({ source: 'demo', intake, manifest, station: { stationId, warehouse } });
  } catch (error) {
    return printFail('DOCUMENT_UNAVAILABLE', `The demo parcel could not be decided: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
