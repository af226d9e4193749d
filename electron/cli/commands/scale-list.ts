/**
 * `npm run cli -- scale-list [--no-sim]`: serial ports (with USB vendor/product ids and serial numbers), registered
 * PTY scale simulators and USB HID POS scales — the candidates for the station's scale.
 */
import type { CliCommand } from '../cliCommand.ts';
import { readCommandLine } from '../commandLine.ts';
import { describeIdentity } from '../../../shared/scale/scaleSettings.ts';
import { listScaleCandidates } from '../../devices/scale/scaleCandidates.ts';

const command: CliCommand = {
  name: 'scale-list',
  usage: 'scale-list [--no-sim]',
  summary: 'List serial ports and USB HID scales that could be the scale',
  async run(args, io) {
    const read = readCommandLine(args, { 'no-sim': { type: 'boolean' } });
    if (!read.ok) {
      io.err(`${read.message}. Usage: npm run cli -- ${command.usage}`);
      return 2;
    }
    const found = await listScaleCandidates({ includeSimulators: read.values['no-sim'] !== true });
    io.out('Serial ports:');
    if (found.serial.length === 0) io.out('  (none)');
    for (const c of found.serial) {
      const ids = c.port.vendorId ? `${c.port.vendorId}:${c.port.productId ?? '????'}` : 'no USB id';
      const details = [ids, c.port.serialNumber ? `serial ${c.port.serialNumber}` : 'no serial number', c.port.manufacturer, c.port.pnpId].filter(Boolean).join(', ');
      io.out(`  ${c.likely ? '*' : ' '} ${c.port.path.padEnd(16)} ${details}`);
      io.out(`      remember as: ${describeIdentity(c.identity)}${c.likely ? `   (likely: ${c.likely})` : ''}`);
    }
    io.out('USB HID POS scales (usage page 0x8D):');
    if (found.hidProblem) io.out(`  cannot list: ${found.hidProblem}`);
    else if (found.hid.length === 0) io.out('  (none)');
    for (const h of found.hid) io.out(`  * ${h.name}  ${h.vendorId}:${h.productId}${h.serialNumber ? ` serial ${h.serialNumber}` : ''}  ${h.path}`);
    if (found.invalidSimulatorFiles.length > 0) io.err(`Ignored invalid simulator registry files: ${found.invalidSimulatorFiles.join(', ')}`);
    io.out('Pseudo-terminals are not listed by the OS; probe them by path: npm run cli -- scale-probe /dev/pts/N');
    return 0;
  },
};

export default command;
