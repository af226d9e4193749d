/**
 * The operations guide's commands (docs/**.md). Every fenced shell block is one of:
 *   ```sh                      run here, line by line from the repository root, each must exit 0 — on scratch data
 *                              (HQ_DATA_DIR, ECMS_DATA_DIR and TMPDIR point into a temp folder per page);
 *   ```sh networked            needs a networked build machine;
 *   ```sh station / hq-server  runs on the station or HQ machine being set up (root, hardware, real addresses);
 *   ```powershell station|networked  the same on Windows.
 * Marked blocks must say so in the text just above them, and sh blocks must parse (bash -n). JSON blocks parse, and
 * `json feed` blocks are valid feed.json files for HQ's update directory.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/builderConfig.ts';
import { makeTempDir } from '../../support/tempDir.ts';
import { FeedConfigSchema } from '../../../hq/updates/feedConfig.ts';

interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly mark: string | null;
  readonly body: string;
  /** The prose just above the block (up to the previous block). */
  readonly before: string;
}

const DOCS = path.join(REPO_ROOT, 'docs');
const SHELLS = new Set(['sh', 'bash', 'shell', 'powershell', 'ps1', 'cmd']);
const MARK_WORDS: Record<string, RegExp> = {
  networked: /networked\s+build\s+machine/i,
  station: /station\s+machine/i,
  'hq-server': /on\s+the\s+HQ\s+server/i,
};

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\S*)\s*(\S*)\s*$/.exec(lines[i]!);
    if (!open || open[1] === '') {
      prose.push(lines[i]!);
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
    blocks.push({ file: path.relative(REPO_ROOT, file), line: start + 1, lang: open[1]!, mark: open[2] || null, body: body.join('\n'), before: prose.slice(-8).join('\n') });
    prose = [];
  }
  return blocks;
}

/** Commands of a block: comments and blank lines dropped, `\` continuations joined. */
function commandsOf(body: string): string[] {
  return body.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

const files = markdownFiles(DOCS);
const all = files.flatMap(blocksOf);

describe('docs: every command is run here or marked', () => {
  it('finds the operations guide and its blocks', () => {
    expect(files.map((f) => path.relative(DOCS, f))).toEqual(expect.arrayContaining([
      'operations/installing-a-station.md', 'operations/serial-and-usb.md', 'operations/scales.md', 'operations/label-printers.md',
      'operations/hq-deployment.md', 'operations/updates.md', 'operations/logs.md', 'operations/troubleshooting.md', 'operations/building-installers.md',
    ]));
    expect(all.filter((b) => SHELLS.has(b.lang) && b.mark === null).length).toBeGreaterThan(3);
  });

  it('gives every shell block a known marker, said in plain words just above it', () => {
    for (const b of all.filter((x) => SHELLS.has(x.lang))) {
      const where = `${b.file}:${b.line}`;
      if (b.lang !== 'sh') expect(b.mark, `${where}: a ${b.lang} block cannot run here, so it needs a marker`).not.toBeNull();
      if (b.mark === null) continue;
      expect(Object.keys(MARK_WORDS), `${where}: unknown marker ${b.mark}`).toContain(b.mark);
      expect(b.before, `${where}: the text above a "${b.mark}" block must say so`).toMatch(MARK_WORDS[b.mark]!);
    }
  });

  it('marked sh blocks parse', () => {
    for (const b of all.filter((x) => x.lang === 'sh' && x.mark !== null)) {
      const r = spawnSync('bash', ['-n'], { input: b.body, encoding: 'utf8' });
      expect(r.status, `${b.file}:${b.line}: ${r.stderr}`).toBe(0);
    }
  });

  it('JSON blocks parse, and feed blocks are valid feed.json files', () => {
    for (const b of all.filter((x) => x.lang === 'json')) {
      const json: unknown = JSON.parse(b.body);
      if (b.mark === 'feed') expect(FeedConfigSchema.safeParse(json).success, `${b.file}:${b.line}`).toBe(true);
    }
  });
});

describe('docs: the commands that run here', () => {
  for (const file of files) {
    const runnable = blocksOf(file).filter((b) => b.lang === 'sh' && b.mark === null);
    if (runnable.length === 0) continue;
    it(`${path.relative(REPO_ROOT, file)}: each command exits 0`, () => {
      const temp = makeTempDir('docs');
      try {
        const env = {
          ...process.env,
          HQ_DATA_DIR: path.join(temp.dir, 'hq'),
          TMPDIR: path.join(temp.dir, 'tmp'),
          DATABASE_URL: '',
        };
        mkdirSync(env.TMPDIR, { recursive: true });
        for (const b of runnable) {
          for (const command of commandsOf(b.body)) {
            const r = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 });
            expect(r.status, `${b.file}:${b.line}: ${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
          }
        }
      } finally {
        temp.cleanup();
      }
    }, 600_000);
  }
});
