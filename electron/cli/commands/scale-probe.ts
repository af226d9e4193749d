/**
 * `npm run cli -- scale-probe <port> [--line "9600 7E1"] [--seconds N]`: detects the protocol and line settings of
 * the scale on <port>, prints the settings to save, then prints live readings for N seconds (default 10; 0 = until
 * Ctrl-C). Exit code 1 when no scale protocol is recognised.
 */
import type { CliCommand, CliIo } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';
import { formatLineSettings, parseLineSettings, type LineSettings } from '../../../shared/scale/lineSettings.ts';
import type { ScaleParseEvent } from '../../../shared/scale/scaleParseEvent.ts';
import { describeProtocolConfig, type SerialProtocolConfig } from '../../../shared/scale/serialProtocolConfig.ts';
import type { ScaleSettings } from '../../../shared/scale/scaleSettings.ts';
import { formatReading } from '../../../shared/scale/formatReading.ts';
import { identityOfPort } from '../../devices/scale/portMatching.ts';
import { probeScalePort } from '../../devices/scale/probeScalePort.ts';
import { osAndSimulatorLister } from '../../devices/scale/serialPortListing.ts';
import { openSerialLink } from '../../devices/scale/serialLink.ts';
import { startSerialScaleSession } from '../../devices/scale/serialScaleSession.ts';

interface ProbeArgs {
  readonly path: string;
  readonly line: LineSettings | null;
  readonly seconds: number;
}

function parseArgs(args: readonly string[]): ProbeArgs | string {
  const read = readCommandLine(args, { line: { type: 'string' }, seconds: { type: 'string' } }, { maxPositionals: 1 });
  if (!read.ok) return read.message;
  const [path] = read.positionals;
  if (path === undefined) return 'missing <port>';
  const line = read.values.line === undefined ? null : parseLineSettings(read.values.line);
  if (read.values.line !== undefined && !line) return 'bad --line, expected e.g. "9600 7E1"';
  const seconds = read.values.seconds === undefined ? 10 : Number(read.values.seconds);
  if (!Number.isInteger(seconds) || seconds < 0) return 'bad --seconds, expected a whole number ≥ 0';
  return { path, line, seconds };
}

export function describeEvent(event: ScaleParseEvent): string {
  switch (event.type) {
    case 'reading':
      return `${formatReading(event.reading).padStart(14)}  ${event.reading.status.padEnd(9)} ${event.reading.mode}`;
    case 'indication':
      return `${'—'.padStart(14)}  ${event.indication.condition}`;
    case 'reply':
      return `reply: ${event.reply.command} ${event.reply.outcome} (${event.reply.detail.trim()})`;
    case 'rejected':
      return `rejected ${event.byteCount} bytes: ${event.code}`;
  }
}

async function liveReadings(path: string, protocol: SerialProtocolConfig, line: LineSettings, seconds: number, io: CliIo): Promise<number> {
  const opened = await openSerialLink(path, line);
  if (!opened.ok) {
    io.err(`Cannot reopen ${path}: ${opened.message}`);
    return 1;
  }
  io.out(seconds === 0 ? 'Live readings (Ctrl-C to stop):' : `Live readings for ${seconds} s (Ctrl-C to stop):`);
  let last = '';
  const session = startSerialScaleSession({
    link: opened.link,
    protocol,
    onEvents: (events) => {
      for (const event of events) {
        const text = describeEvent(event);
        if (text !== last) io.out(`  ${new Date().toISOString().slice(11, 23)}  ${text}`);
        last = text;
      }
    },
  });
  await new Promise<void>((resolve) => {
    const timer = seconds === 0 ? null : setTimeout(resolve, seconds * 1000);
    process.once('SIGINT', () => {
      if (timer) clearTimeout(timer);
      resolve();
    });
    opened.link.onClose((reason) => {
      if (reason !== 'closed') io.err(`Port closed: ${reason}`);
      resolve();
    });
  });
  session.stop();
  await opened.link.close();
  return 0;
}

const command: CliCommand = {
  name: 'scale-probe',
  usage: 'scale-probe <port> [--line "9600 7E1"] [--seconds N]',
  summary: 'Detect the protocol and line settings of a scale and print live readings',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(parsed);
      io.err(`Usage: npm run cli -- ${command.usage}`);
      return 2;
    }
    io.out(`Probing ${parsed.path} …`);
    const result = await probeScalePort({
      path: parsed.path,
      ...(parsed.line ? { lines: [parsed.line] } : {}),
      onProgress: (text) => io.out(`  ${text}`),
    });
    if (!result.ok) {
      io.err(result.message);
      return 1;
    }
    io.out(`Protocol: ${describeProtocolConfig(result.protocol)}`);
    io.out(`Line:     ${formatLineSettings(result.line)}`);
    if (!result.unitConfirmed) io.out('Unit:     not in the frames; inferred from the decimals — confirm it on the scale display');
    const listed = (await osAndSimulatorLister()()).find((p) => p.path === parsed.path);
    const settings: ScaleSettings = {
      kind: 'serial',
      identity: listed ? identityOfPort(listed) : { kind: 'path', path: parsed.path },
      protocol: result.protocol,
      line: result.line,
    };
    io.out(`Settings: ${JSON.stringify(settings)}`);
    return liveReadings(parsed.path, result.protocol, result.line, parsed.seconds, io);
  },
};

export default command;
