/**
 * `npm run cli -- classify <scan>`: classifies one scan and prints the result as JSON.
 * A GS (FNC1) separator can be written as <GS>, \x1d or \u001d, e.g. classify ']C142078745<GS>9400111206206406260787'.
 * Exit code 0 when the scan is a valid parcel id, 1 when it is not, 2 on bad usage.
 */
import { classifyScan } from '../../../shared/barcode/classifyScan.ts';
import type { CliCommand } from '../cliCommand.ts';

/** Turns the written forms of GS into the character itself. */
export function unescapeScanArgument(text: string): string {
  return text.replace(/<GS>|\\x1d|\\u001d/gi, '\u001d');
}

const command: CliCommand = {
  name: 'classify',
  usage: 'classify <scan>',
  summary: 'Classify a scanned barcode (waybill / carrier tracking number) and print JSON',
  run(args, io) {
    if (args.length !== 1 || args[0] === undefined) {
      io.err('Usage: npm run cli -- classify <scan>   (write a GS separator as <GS>)');
      return Promise.resolve(2);
    }
    const result = classifyScan(unescapeScanArgument(args[0]));
    io.out(JSON.stringify(result, null, 2));
    return Promise.resolve(result.valid ? 0 : 1);
  },
};

export default command;
