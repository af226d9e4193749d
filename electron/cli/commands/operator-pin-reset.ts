/**
 * `npm run cli -- operator-pin-reset --data-dir DIR --id ID`: gives an operator a new PIN (a forgotten PIN, or a
 * lead who is locked out). The new PIN is read from standard input (asked for at a terminal), never taken from the
 * command line. Exit 0 changed, 1 refused (no such operator), 2 bad usage.
 */
import { resetOperatorPin } from '../../station/operatorRoster.ts';
import type { CliCommand } from '../cliCommand.ts';
import { readOperatorLine, readPinOrExplain, withStationDatabase } from '../operatorCommandLine.ts';

const USAGE = 'operator-pin-reset --data-dir DIR --id ID';

const command: CliCommand = {
  name: 'operator-pin-reset',
  usage: USAGE,
  summary: 'Give an operator a new PIN (read from standard input)',
  async run(args, io) {
    const line = readOperatorLine(args, {}, USAGE, io);
    if (!line.ok) return line.exitCode;
    const { dataDir, operatorId } = line;
    const pin = await readPinOrExplain(`New PIN for ${operatorId} (4 to 8 digits): `, 'operator-pin-reset', io);
    if (!pin) return 2;
    return withStationDatabase(dataDir, io, async (db) => {
      const { operator } = await resetOperatorPin(db, operatorId, pin, Date.now());
      io.out(`New PIN set for ${operator.name} (${operator.operatorId}).`);
    });
  },
};

export default command;
