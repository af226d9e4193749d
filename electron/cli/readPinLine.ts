/**
 * Reads a PIN for operator-add / operator-pin-reset from standard input (one line), never from the command line,
 * where `ps` shows it to every user of the machine. At a terminal the person is asked for it.
 */
import { createInterface } from 'node:readline';

export function readPinLine(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
    if (process.stdin.isTTY) process.stderr.write(prompt);
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line.trim());
    });
    rl.once('close', () => {
      if (!answered) resolve('');
    });
  });
}
