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
 *   --hq-token-file FILE  ECMS_HQ_TOKEN_FILE  a file holding this station's HQ token (or the token itself in
 *                         ECMS_HQ_TOKEN). Never a token on the command line: every user sees it in `ps`.
 *   --hq-ca-file FILE     ECMS_HQ_CA_FILE     PEM certificate(s) HQ's HTTPS certificate must chain to (pinning a
 *                         private CA; without it the system's trusted CAs)
 *   --port N              ECMS_PORT           browser mode: the local port (default: any free port)
 *
 * Flags are read with node:util parseArgs. Other switches (Chromium's and Electron's, e.g. --no-sandbox,
 * --remote-debugging-port=9222) are left to the runtime; a flag within two letters of a station option is taken as a
 * typo and refused with a plain message naming the option meant.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
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
  hqCaFile: z.string().min(1).optional(),
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
  '--hq-token-file': 'ECMS_HQ_TOKEN_FILE',
  '--hq-ca-file': 'ECMS_HQ_CA_FILE',
  '--port': 'ECMS_PORT',
} as const;
type Flag = keyof typeof FLAGS;

const OPTIONS: ParseArgsOptionsConfig = {
  ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag.slice(2), { type: 'string' }])),
  demo: { type: 'boolean' },
  'no-demo': { type: 'boolean' },
};
const STATION_OPTION_NAMES = Object.keys(OPTIONS);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The station option an unknown flag was probably meant to be: within two letters of one (`--hq-ulr`, `--warehose`,
 * `--Port`). Anything else (`--no-sandbox`, `--enable-logging`, `--remote-debugging-port=9222`, `--inspect`) is a
 * Chromium, Electron or Node switch: it belongs to the runtime, and the station leaves it alone.
 */
function meantOption(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const known of STATION_OPTION_NAMES) {
    const distance = editDistance(lower, known);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
}

/** Reads the station's flags with node:util parseArgs (`--flag value` or `--flag=value`, every `=` in a value kept). */
function readFlags(argv: readonly string[]): { given: Map<Flag, string>; demoFlag: boolean | undefined } {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const given = new Map<Flag, string>();
  let demoFlag: boolean | undefined;
  let previousWasRuntimeSwitch = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      previousWasRuntimeSwitch = false;
      continue;
    }
    if (token.kind === 'positional') {
      // `--remote-debugging-port 9222`: the value of the runtime switch just before it.
      if (previousWasRuntimeSwitch) {
        previousWasRuntimeSwitch = false;
        continue;
      }
      throw new StationError('INVALID_REQUEST', `The station does not understand "${token.value}". Start it with options such as --warehouse LAX, or with none for the demo.`);
    }
    const flag = `--${token.name}`;
    if (token.name === 'hq-token') {
      throw new StationError('INVALID_REQUEST', 'A token on the command line can be read by anyone on this computer. Put it in a file and start with --hq-token-file FILE, or set ECMS_HQ_TOKEN.');
    }
    if (!Object.hasOwn(OPTIONS, token.name)) {
      const meant = meantOption(token.name);
      if (meant !== undefined) throw new StationError('INVALID_REQUEST', `${token.rawName} is not a station option. Did you mean --${meant}? Check the spelling and start the station again.`);
      previousWasRuntimeSwitch = token.value === undefined;
      continue;
    }
    previousWasRuntimeSwitch = false;
    if (token.name === 'demo' || token.name === 'no-demo') {
      if (token.value !== undefined) throw new StationError('INVALID_REQUEST', `${flag} takes no value: write ${flag} on its own.`);
      demoFlag = token.name === 'demo';
      continue;
    }
    const valueLooksLikeOption = !token.inlineValue && token.value?.startsWith('--') === true;
    if (token.value === undefined || valueLooksLikeOption) throw new StationError('INVALID_REQUEST', `${flag} needs a value, e.g. ${flag}=VALUE.`);
    given.set(flag as Flag, token.value);
  }
  return { given, demoFlag };
}

/** The token from its file (flag or ECMS_HQ_TOKEN_FILE), else from ECMS_HQ_TOKEN. */
function readHqToken(file: string | undefined, envToken: string | undefined): string | undefined {
  if (file === undefined) return envToken || undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new StationError('INVALID_REQUEST', `The HQ token file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path given with --hq-token-file and start the station again.`);
  }
}

/** The CA file must be readable PEM now: a typo is reported at start, not as an unreachable HQ later. */
function checkCaFile(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StationError('INVALID_REQUEST', `The HQ certificate file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path given with --hq-ca-file and start the station again.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new StationError('INVALID_REQUEST', `The HQ certificate file ${file} holds no certificate (PEM, "-----BEGIN CERTIFICATE-----"). Ask for HQ's CA certificate and start the station again.`);
  }
  return file;
}

export function parseStationConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultDataDir: string): StationConfig {
  const { given, demoFlag } = readFlags(argv);
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
    hqToken: readHqToken(pick('--hq-token-file'), env['ECMS_HQ_TOKEN']),
    hqCaFile: checkCaFile(pick('--hq-ca-file')),
    port: Number(pick('--port') ?? '0'),
  };
  const parsed = StationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StationError('INVALID_REQUEST', `Station configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
