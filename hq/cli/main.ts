/**
 * The HQ admin CLI: `npm run hq -- <command> …`. Database from --database-url/DATABASE_URL (PostgreSQL) or
 * --data-dir/HQ_DATA_DIR (PGlite, default .data/hq); see hqSettings.ts and hq/README.md.
 */
import { parseArgs } from 'node:util';
import { HqError } from '../hqError.ts';
import { CliUsageError } from './cliError.ts';
import { serveCommand } from './commands/serve.ts';
import { tokenCommand } from './commands/token.ts';
import { stationReseedCommand } from './commands/stationReseed.ts';
import { importManifestsCommand, importReferenceCommand, migrateCommand, recordStatusCommand, resetStreamCommand } from './commands/data.ts';

const HELP = `ECMS HQ — usage: npm run hq -- <command> [options]

  serve [--host H] [--port P] [--ensure-station LAX-DEMO-1:LAX --token-file FILE] [--log-level warn]
        [--log-dir DIR] [--log-retention-days N]   (JSON-lines logs, rotated daily and by size)
        [--seed-manifests FILE …] [--seed-reference FILE …]   (imported at start; idempotent)
  token create --station LAX-01 --warehouse LAX|CHI [--label TEXT] [--out FILE]
  token revoke --token-id ID
  token list
  import-manifests FILE.csv|FILE.json …
  import-reference FILE.json …              (rate cards, prohibited-goods rules)
  record-id WAYBILL [--status received|invalid|missing] [--note TEXT]
  record-duties WAYBILL [--status paid|unpaid] [--note TEXT]
  reset-stream manifests|rateCards|prohibitedRules [--warehouse LAX|CHI] [--reason TEXT]
  migrate
  station-reseed --station LAX-01 --out FILE [--after-seq N]   (replaced or restored station: new token, resume after
                                              HQ's last seq; the file carries the station's records after N for it)

Database (every command): --database-url URL or DATABASE_URL for PostgreSQL; otherwise PGlite in
--data-dir DIR or HQ_DATA_DIR (default .data/hq). Listening: --host/HQ_HOST (127.0.0.1), --port/HQ_PORT (8787);
HTTPS with --tls-cert FILE and --tls-key FILE (or HQ_TLS_CERT, HQ_TLS_KEY). Station updates from
--updates-dir DIR or HQ_UPDATES_DIR (feed.json and releases/<version>/, see docs/operations/updates.md).
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'updates-dir': { type: 'string' },
      'ensure-station': { type: 'string' },
      'token-file': { type: 'string' },
      'log-level': { type: 'string' },
      'log-dir': { type: 'string' },
      'log-retention-days': { type: 'string' },
      'seed-manifests': { type: 'string', multiple: true },
      'seed-reference': { type: 'string', multiple: true },
      station: { type: 'string' },
      'after-seq': { type: 'string' },
      warehouse: { type: 'string' },
      label: { type: 'string' },
      out: { type: 'string' },
      'token-id': { type: 'string' },
      status: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  switch (command) {
    case 'serve':
      return serveCommand(values);
    case 'token':
      return tokenCommand(rest[0], values);
    case 'import-manifests':
      return importManifestsCommand(rest, values);
    case 'import-reference':
      return importReferenceCommand(rest, values);
    case 'record-id':
      return recordStatusCommand('id', rest, values);
    case 'record-duties':
      return recordStatusCommand('duties', rest, values);
    case 'reset-stream':
      return resetStreamCommand(rest, values);
    case 'migrate':
      return migrateCommand(values);
    case 'station-reseed':
      return stationReseedCommand(values);
    default:
      throw new CliUsageError(`Unknown command ${command}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  // node:util parseArgs refusals (unknown option, missing or ambiguous value) are usage errors, shown with the help.
  if (err instanceof CliUsageError || String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else if (err instanceof HqError) {
    process.stderr.write(`error ${err.code}: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
