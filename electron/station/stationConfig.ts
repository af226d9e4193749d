/**
 * How a station is configured: command-line flags win over environment variables, which win over defaults.
 * With nothing set the station is the self-contained demo (sample data, simulated scale).
 *
 *   --data-dir DIR        ECMS_DATA_DIR       where station.sqlite lives
 *   --station-id ID       ECMS_STATION_ID     e.g. LAX-DOCK-3
 *   --warehouse LAX|CHI   ECMS_WAREHOUSE
 *   --operator NAME       ECMS_OPERATOR
 *   --scale SPEC          ECMS_SCALE          "simulated" (default), or scale settings JSON (inline or a file)
 *   --scanner SPEC        ECMS_SCANNER        a serial scanner: "serial:/dev/ttyACM0", or settings JSON (inline or a file)
 *   --demo | --no-demo    ECMS_DEMO=1|0       seed sample manifests and rate cards into an empty station
 *   --hq-url URL          ECMS_HQ_URL         the HQ sync service; absent: events wait in the outbox
 *   --hq-token TOKEN      ECMS_HQ_TOKEN
 *   --port N              ECMS_PORT           browser mode: the local port (default: any free port)
 */
import { z } from 'zod';
import { StationSettingsSchema } from '../../shared/contract/settings.ts';
import { StationError } from './stationError.ts';

export const StationConfigSchema = z.object({
  dataDir: z.string().min(1),
  settings: StationSettingsSchema.pick({ stationId: true, warehouse: true, operator: true }).partial(),
  scale: z.string().min(1),
  scanner: z.string().min(1).optional(),
  demo: z.boolean(),
  hqUrl: z.string().url().optional(),
  hqToken: z.string().min(16).optional(),
  port: z.number().int().min(0).max(65535),
});
export type StationConfig = z.infer<typeof StationConfigSchema>;

const FLAGS = {
  '--data-dir': 'ECMS_DATA_DIR',
  '--station-id': 'ECMS_STATION_ID',
  '--warehouse': 'ECMS_WAREHOUSE',
  '--operator': 'ECMS_OPERATOR',
  '--scale': 'ECMS_SCALE',
  '--scanner': 'ECMS_SCANNER',
  '--hq-url': 'ECMS_HQ_URL',
  '--hq-token': 'ECMS_HQ_TOKEN',
  '--port': 'ECMS_PORT',
} as const;
type Flag = keyof typeof FLAGS;

export function parseStationConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultDataDir: string): StationConfig {
  const given = new Map<Flag, string>();
  let demoFlag: boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--demo' || arg === '--no-demo') {
      demoFlag = arg === '--demo';
      continue;
    }
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!(name in FLAGS)) throw new StationError('INVALID_REQUEST', `Unknown option ${name}. Options: ${Object.keys(FLAGS).join(', ')}, --demo, --no-demo`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new StationError('INVALID_REQUEST', `${name} needs a value`);
    given.set(name as Flag, value);
  }
  const pick = (flag: Flag): string | undefined => given.get(flag) ?? (env[FLAGS[flag]] || undefined);
  const scale = pick('--scale') ?? 'simulated';
  const envDemo = env['ECMS_DEMO'];
  const demo = demoFlag ?? (envDemo === undefined || envDemo === '' ? scale === 'simulated' : envDemo === '1');
  const raw = {
    dataDir: pick('--data-dir') ?? defaultDataDir,
    settings: Object.fromEntries(
      ([['stationId', '--station-id'], ['warehouse', '--warehouse'], ['operator', '--operator']] as const)
        .map(([key, flag]) => [key, pick(flag)])
        .filter(([, v]) => v !== undefined),
    ),
    scale,
    scanner: pick('--scanner'),
    demo,
    hqUrl: pick('--hq-url'),
    hqToken: pick('--hq-token'),
    port: Number(pick('--port') ?? '0'),
  };
  const parsed = StationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StationError('INVALID_REQUEST', `Station configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
