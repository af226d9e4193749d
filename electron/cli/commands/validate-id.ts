/**
 * `npm run cli -- validate-id <CN|KR|TW> <id>`: checks a consignee customs ID locally and prints JSON
 * ({valid, kind, reason?} — never the number). Exit code 0 valid, 1 invalid, 2 bad usage.
 */
import { z } from 'zod';
import { CONSIGNEE_ID_COUNTRIES } from '../../../shared/consigneeId/consigneeIdResult.ts';
import { validateConsigneeId } from '../../../shared/consigneeId/validateConsigneeId.ts';
import type { CliCommand } from '../cliCommand.ts';

const ArgsSchema = z.tuple([z.enum(CONSIGNEE_ID_COUNTRIES), z.string()]);

const command: CliCommand = {
  name: 'validate-id',
  usage: 'validate-id <CN|KR|TW> <id>',
  summary: 'Check a consignee ID (PRC resident ID, Korea PCCC, Taiwan ID) and print JSON',
  run(args, io) {
    const parsed = ArgsSchema.safeParse([args[0]?.toUpperCase(), args[1]]);
    if (!parsed.success || args.length !== 2) {
      io.err(`Usage: npm run cli -- validate-id <${CONSIGNEE_ID_COUNTRIES.join('|')}> <id>`);
      return Promise.resolve(2);
    }
    const [country, id] = parsed.data;
    const result = validateConsigneeId(country, id);
    io.out(JSON.stringify({ country, ...result }, null, 2));
    return Promise.resolve(result.valid ? 0 : 1);
  },
};

export default command;
