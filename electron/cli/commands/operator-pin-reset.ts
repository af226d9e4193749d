/**
 * `npm run cli -- operator-pin-reset --data-dir DIR --id ID`: gives an operator a new PIN (a forgotten PIN, or a
 * lead who is locked out). The new PIN is read from standard input (asked for at a terminal), never taken from the
 * command line. Exit 0 changed, 1 refused (no such operator), 2 bad usage.
 */
import { resetOperatorPin } from '../../station/operatorRoster.ts';
import type { CliCommand } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';
import { parseOperatorId, parsePin, withStationDatabase } from '../operatorCommandLine.ts';
import { readPinLine } from '../readPinLine.ts';

const USAGE = 'operator-pin-reset --data-dir DIR --id ID';
const OPTIONS = { 'data-dir': { type: 'string' }, id: { type: 'string' } } as const;

const command: CliCommand = {
  name: 'operator-pin-reset',
  usage: USAGE,
  summary: 'Give an operator a new PIN (read from standard input)',
  async run(args, io) {
    const line = readCommandLine(args, OPTIONS);
    const usage = (problem: string): number => {
      io.err(`${problem}. Usage: npm run cli -- ${USAGE}`);
      return 2;
    };
    if (!line.ok) return usage(line.message);
    const dataDir = line.values['data-dir'];
    if (!dataDir) return usage('--data-dir is needed');
    const operatorId = parseOperatorId(line.values.id);
    if (!operatorId) return usage('--id is needed: 2 to 16 letters or digits');
    const pin = parsePin(await readPinLine(`New PIN for ${operatorId} (4 to 8 digits): `));
    if (!pin) {
      io.err('The PIN must be 4 to 8 digits, given on standard input (for example: echo 4821 | npm run cli -- operator-pin-reset …).');
      return 2;
    }
    return withStationDatabase(dataDir, io, async (db) => {
      const { operator } = await resetOperatorPin(db, operatorId, pin, Date.now());
      io.out(`New PIN set for ${operator.name} (${operator.operatorId}).`);
    });
  },
};

export default command;
