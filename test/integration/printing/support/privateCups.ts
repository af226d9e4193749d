/**
 * A private CUPS scheduler for tests: Debian's cupsd started in the foreground with its own configuration, spool
 * and socket in a temp directory (the system's CUPS, if any, is not touched), and one PDF queue using the cups-pdf
 * backend (printer-driver-cups-pdf). `lp` reaches it through CUPS_SERVER=<socket>.
 *
 * What a PDF job goes through is the real Debian chain: pdftopdf → pdftops → cups-pdf (Ghostscript back to PDF).
 * cups-pdf writes its output to /var/spool/cups-pdf/<user>/ (its built-in default when the queue's instance has no
 * /etc/cups/cups-pdf-<instance>.conf) and must run as root, so the private scheduler needs root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CUPS_PDF_QUEUE = 'ECMS_TEST_PDF';
const INSTANCE = 'ecmsintaketest';
const BINARIES = ['/usr/sbin/cupsd', '/usr/sbin/lpadmin', '/usr/bin/lp', '/usr/bin/lpstat', '/usr/lib/cups/backend/cups-pdf', '/usr/bin/gs', '/usr/lib/cups/filter/pdftops'];
const PPD_CANDIDATES = ['/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd', '/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd'];

/** Why the private CUPS cannot run here, or null when it can. */
export function cupsUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `CUPS test needs Linux (this is ${process.platform})`;
  const missing = BINARIES.filter((b) => !existsSync(b));
  if (missing.length > 0) return `CUPS is not installed (missing ${missing.join(', ')}): apt-get install -y cups printer-driver-cups-pdf`;
  if (!PPD_CANDIDATES.some((p) => existsSync(p))) return 'the cups-pdf PPD is missing: apt-get install -y printer-driver-cups-pdf';
  if (process.getuid?.() !== 0) return `the cups-pdf backend only runs under a root cupsd; this test runs as uid ${process.getuid?.()}`;
  return null;
}

export class PrivateCups {
  readonly dir: string;
  readonly socket: string;
  readonly outputDir: string;
  readonly #child: ChildProcess;

  private constructor(dir: string, child: ChildProcess) {
    this.dir = dir;
    this.socket = path.join(dir, 'cups.sock');
    this.outputDir = path.join('/var/spool/cups-pdf', userInfo().username);
    this.#child = child;
  }

  get env(): NodeJS.ProcessEnv {
    return { ...process.env, CUPS_SERVER: this.socket };
  }

  static async start(dir: string): Promise<PrivateCups> {
    for (const sub of ['etc/ppd', 'spool', 'tmp', 'cache', 'state', 'log']) mkdirSync(path.join(dir, sub), { recursive: true });
    chmodSync(dir, 0o755);
    // Filters run as user lp: every folder above the spool must be open to others, or they cannot read the job or
    // the PPD and CUPS silently falls back to A4.
    for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
      if ((statSync(up).mode & 0o001) === 0) throw new Error(`${up} is not searchable by user lp (mode ${(statSync(up).mode & 0o777).toString(8)})`);
    }
    chmodSync(path.join(dir, 'tmp'), 0o1777); // filters run as user lp
    writeFileSync(path.join(dir, 'etc', 'cups-files.conf'), [
      `ServerRoot ${dir}/etc`, `RequestRoot ${dir}/spool`, `TempDir ${dir}/tmp`, `CacheDir ${dir}/cache`, `StateDir ${dir}/state`,
      `ErrorLog ${dir}/log/error_log`, `AccessLog ${dir}/log/access_log`, `PageLog ${dir}/log/page_log`,
      'User lp', 'Group lp', 'SystemGroup root', '',
    ].join('\n'));
    writeFileSync(path.join(dir, 'etc', 'cupsd.conf'), [
      'LogLevel info', `Listen ${dir}/cups.sock`, 'WebInterface No', 'Browsing No', 'DefaultAuthType None',
      '<Location />', '  Order allow,deny', '  Allow all', '</Location>',
      '<Policy default>', '  <Limit All>', '    Order deny,allow', '  </Limit>', '</Policy>', '',
    ].join('\n'));
    chmodSync(path.join(dir, 'etc'), 0o755);
    chmodSync(path.join(dir, 'etc', 'ppd'), 0o755);
    const child = spawn('/usr/sbin/cupsd', ['-f', '-c', `${dir}/etc/cupsd.conf`, '-s', `${dir}/etc/cups-files.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => { stderr += c.toString(); });
    const cups = new PrivateCups(dir, child);
    const deadline = Date.now() + 20_000;
    while (spawnSync('/usr/bin/lpstat', ['-r'], { env: cups.env, encoding: 'utf8' }).stdout.trim() !== 'scheduler is running') {
      if (child.exitCode !== null) throw new Error(`cupsd exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`cupsd did not come up within 20 s: ${stderr}`);
      await sleep(100);
    }
    const ppd = PPD_CANDIDATES.find((p) => existsSync(p)) ?? '';
    const added = spawnSync('/usr/sbin/lpadmin', ['-p', CUPS_PDF_QUEUE, '-E', '-v', `cups-pdf:/${INSTANCE}`, '-P', ppd], { env: cups.env, encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`lpadmin failed: ${added.stderr}`);
    return cups;
  }

  /** The PDF cups-pdf wrote for CUPS job `id` (file names end in "-job_<id>.pdf"), once it exists. */
  async output(id: number, since: number, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const suffix = `-job_${id}.pdf`;
    for (;;) {
      if (existsSync(this.outputDir)) {
        const file = readdirSync(this.outputDir)
          .filter((f) => f.endsWith(suffix))
          .map((f) => path.join(this.outputDir, f))
          .find((f) => statSync(f).mtimeMs >= since - 1000 && statSync(f).size > 0);
        if (file !== undefined) {
          // cups-pdf writes with Ghostscript, then sets the mode: wait until the size stops changing.
          const size = statSync(file).size;
          await sleep(200);
          if (statSync(file).size === size) return file;
          continue;
        }
      }
      if (Date.now() > deadline) throw new Error(`no cups-pdf output for job ${id} in ${this.outputDir} within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}
