/**
 * `npm run cli -- scale-sim <protocol> [options]`: runs a simulated scale on a socat pseudo-terminal and registers
 * it (fake USB identity) so scale-list and a station in development can find it. Commands on stdin:
 * `place 2.5lb`, `remove`, `noise`, `unplug`, `replug`, `quit`.
 */
import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';
import { NCI_SHAPES, type NciShape } from '../../../shared/scale/nciEncoder.ts';
import { describeSimulatorProtocol, type SimulatorProtocol } from '../../../shared/scale/simulation/simulatorProtocol.ts';
import { MASS_UNITS, parseMassText, type MassUnit } from '../../../shared/units/mass.ts';
import { startPtyScaleSimulator, type PtyScaleSimulator } from '../../devices/scale/ptyScaleSimulator.ts';
import { registerSimulator } from '../../devices/scale/simulatedPortRegistry.ts';

const PROTOCOLS = ['mettler-8213', 'toledo-continuous', 'mt-sics', 'nci'] as const;

interface SimArgs {
  readonly protocol: SimulatorProtocol;
  readonly unit: MassUnit | 'lb-oz';
  readonly split: boolean;
}

const OPTIONS = {
  shape: { type: 'string' },
  unit: { type: 'string' },
  'no-tare': { type: 'boolean' },
  'no-checksum': { type: 'boolean' },
  split: { type: 'boolean' },
} as const;

function parseArgs(args: readonly string[]): SimArgs | string {
  const read = readCommandLine(args, OPTIONS, { maxPositionals: 1 });
  if (!read.ok) return read.message;
  const [name] = read.positionals;
  if (!PROTOCOLS.includes(name as (typeof PROTOCOLS)[number])) return `protocol must be one of ${PROTOCOLS.join(', ')}`;
  const { shape = 'scp01', unit = 'lb' } = read.values;
  if (!NCI_SHAPES.includes(shape as NciShape)) return `--shape must be one of ${NCI_SHAPES.join(', ')}`;
  if (unit !== 'lb-oz' && !MASS_UNITS.includes(unit as MassUnit)) return '--unit must be lb, kg, oz, g or lb-oz';
  const tareField = read.values['no-tare'] !== true;
  const checksum = read.values['no-checksum'] !== true;
  const protocol: SimulatorProtocol =
    name === 'nci' ? { protocol: 'nci', shape: shape as NciShape } : name === 'toledo-continuous' ? { protocol: 'toledo-continuous', tareField, checksum } : { protocol: name as 'mettler-8213' | 'mt-sics' };
  return { protocol, unit: unit as MassUnit | 'lb-oz', split: read.values.split === true };
}

/** Keeps the registry entry in step with the simulator's current pty (withdrawn while unplugged). */
function registration(sim: PtyScaleSimulator) {
  let withdraw: () => Promise<void> = async () => undefined;
  return {
    async refresh() {
      await withdraw();
      const path = sim.hostPath();
      withdraw = path
        ? await registerSimulator({ path, ...sim.identity, pid: process.pid, description: `ECMS scale simulator (${describeSimulatorProtocol(sim.protocol)})` })
        : async () => undefined;
    },
    withdraw: () => withdraw(),
  };
}

async function handle(line: string, sim: PtyScaleSimulator, io: CliIo): Promise<boolean> {
  const [verb, ...rest] = line.trim().split(/\s+/);
  switch (verb) {
    case 'place': {
      const mass = parseMassText(rest.join(''));
      if (!mass) io.err('usage: place 2.5lb | place 1.2 kg');
      else sim.place(mass.mass);
      return true;
    }
    case 'remove':
      sim.remove();
      return true;
    case 'noise':
      sim.sendRaw(Uint8Array.from({ length: 24 }, (_, i) => (i * 37 + 11) & 0xff));
      return true;
    case 'unplug':
      await sim.unplug();
      io.out('unplugged');
      return true;
    case 'replug': {
      const result = await sim.replug();
      io.out(result.ok ? `plugged in again on ${sim.hostPath() ?? '?'}` : result.message);
      return true;
    }
    case 'quit':
      return false;
    case '':
    case undefined:
      return true;
    default:
      io.err('commands: place <mass>, remove, noise, unplug, replug, quit');
      return true;
  }
}

const command: CliCommand = {
  name: 'scale-sim',
  usage: 'scale-sim <mettler-8213|toledo-continuous|mt-sics|nci> [--shape scp01|scp02|scp12] [--unit lb] [--no-tare] [--no-checksum] [--split]',
  summary: 'Run a simulated scale on a pseudo-terminal (socat)',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(parsed);
      return 2;
    }
    const started = await startPtyScaleSimulator({ protocol: parsed.protocol, model: { unit: parsed.unit, decimals: parsed.unit === 'lb-oz' ? 1 : 2 }, splitFrames: parsed.split });
    if (!started.ok) {
      io.err(started.message);
      return 1;
    }
    const sim = started.simulator;
    const registry = registration(sim);
    await registry.refresh();
    io.out(`Simulated ${describeSimulatorProtocol(parsed.protocol)} scale on ${sim.hostPath() ?? '?'} (USB ${sim.identity.vendorId}:${sim.identity.productId} serial ${sim.identity.serialNumber})`);
    io.out('Commands: place 2.5lb | remove | noise | unplug | replug | quit   (Ctrl-C to stop)');
    const input = createInterface({ input: process.stdin });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      let queue = Promise.resolve();
      input.on('line', (line) => {
        // One command at a time, in order (unplug/replug are asynchronous).
        queue = queue.then(async () => {
          const keepGoing = await handle(line, sim, io);
          await registry.refresh();
          if (!keepGoing) resolve();
        });
      });
    });
    input.close();
    await registry.withdraw();
    await sim.stop();
    return 0;
  },
};

export default command;
