/**
 * `npm run cli -- <command> [args]`: discovers every command in ./commands and runs the one named.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { isCliCommand, type CliCommand, type CliIo } from './cliCommand.ts';

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

export async function loadCommands(): Promise<CliCommand[]> {
  const files = (await readdir(commandsDir)).filter((f) => f.endsWith('.ts')).sort();
  const commands: CliCommand[] = [];
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(path.join(commandsDir, file)).href);
    const candidate = (mod as { default?: unknown }).default;
    if (!isCliCommand(candidate)) throw new Error(`electron/cli/commands/${file} has no default CliCommand export`);
    commands.push(candidate);
  }
  return commands;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help') io.err(`Unknown command: ${name}`);
    io.out('Usage: npm run cli -- <command> [args]');
    for (const c of commands) io.out(`  ${c.usage.padEnd(58)} ${c.summary}`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  return command.run(rest, io);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
  runCli(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => { io.err(error instanceof Error ? error.message : String(error)); process.exitCode = 1; },
  );
}
