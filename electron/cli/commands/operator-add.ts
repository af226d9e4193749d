/**
 * `npm run cli -- operator-add --data-dir DIR --id ID --name NAME [--role lead|operator]`: adds a person who may
 * sign in at the station, e.g. the first lead of a new station (a lead then adds the others on screen). The PIN is
 * read from standard input (asked for at a terminal), never taken from the command line. Exit 0 added, 1 refused,
 * 2 bad usage.
 */
import { ROLES, type Role } from '../../../shared/contract/commandRoles.ts';
import { OperatorNameSchema } from '../../../shared/contract/operators.ts';
import { addOperator } from '../../station/operatorRoster.ts';
import type { CliCommand } from '../cliCommand.ts';
import { readOperatorLine, readPinOrExplain, withStationDatabase } from '../operatorCommandLine.ts';

const USAGE = 'operator-add --data-dir DIR --id ID --name NAME [--role lead|operator]';
const OPTIONS = { name: { type: 'string' }, role: { type: 'string' } } as const;

const command: CliCommand = {
  name: 'operator-add',
  usage: USAGE,
  summary: 'Add a person who may sign in (the PIN is read from standard input); the first lead comes from here',
  async run(args, io) {
    const line = readOperatorLine(args, OPTIONS, USAGE, io);
    if (!line.ok) return line.exitCode;
    const { dataDir, operatorId } = line;
    const usage = (problem: string): number => {
      io.err(`${problem}. Usage: npm run cli -- ${USAGE}`);
      return 2;
    };
    const name = OperatorNameSchema.safeParse(line.values['name'] ?? '');
    if (!name.success) return usage('--name is needed: the person\'s name as the screen shows it');
    const role = line.values['role'] ?? 'operator';
    if (!(ROLES as readonly string[]).includes(role)) return usage('--role is lead or operator');
    const pin = await readPinOrExplain(`PIN for ${operatorId} (4 to 8 digits): `, 'operator-add', io);
    if (!pin) return 2;
    return withStationDatabase(dataDir, io, async (db) => {
      const { operator } = await addOperator(db, { operatorId, name: name.data, role: role as Role, pin }, Date.now());
      io.out(`Added ${operator.role} ${operator.name} (${operator.operatorId}). They can sign in at the station now.`);
    });
  },
};

export default command;
